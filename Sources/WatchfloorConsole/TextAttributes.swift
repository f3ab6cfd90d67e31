/// Terminal text attributes that work without colour.
///
/// The raw values are the bits used in ``Canvas/attributeLines()`` snapshots, where a cell's
/// attributes are written as one hexadecimal digit (bold 1, dim 2, underline 4, reverse 8;
/// so bold and reverse is `9`) and no attributes as a space.
public struct TextAttributes: OptionSet, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: UInt8

  public init(rawValue: UInt8) {
    self.rawValue = rawValue & 0x0F
  }

  public static let bold = TextAttributes(rawValue: 1)
  public static let dim = TextAttributes(rawValue: 2)
  public static let underline = TextAttributes(rawValue: 4)
  public static let reverse = TextAttributes(rawValue: 8)

  /// Every attribute with its name, in bit order; the names are the keys used in theme files.
  public static let named: [(name: String, attribute: TextAttributes)] = [
    ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse),
  ]

  /// The names of the attributes set, joined by "+", or "plain" when none is.
  public var description: String {
    let names = Self.named.filter { contains($0.attribute) }.map(\.name)
    return names.isEmpty ? "plain" : names.joined(separator: "+")
  }
}
