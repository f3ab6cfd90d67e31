/// A dense handle for an interned string: the index of its first appearance in its table.
///
/// Identifiers (facility, airlift, incident) each have their own table, so their symbols are
/// dense and double as array indexes; free text shares one table. `Symbol.none` stands for an
/// absent optional value without widening the struct.
public struct Symbol: Hashable, Comparable, Sendable {
  public let rawValue: UInt32

  @inlinable public init(_ rawValue: UInt32) { self.rawValue = rawValue }

  /// No value: an optional field that was absent.
  public static let none = Symbol(UInt32.max)

  @inlinable public var isNone: Bool { rawValue == UInt32.max }
  @inlinable public var index: Int { Int(rawValue) }

  @inlinable public static func < (lhs: Symbol, rhs: Symbol) -> Bool { lhs.rawValue < rhs.rawValue }
}
