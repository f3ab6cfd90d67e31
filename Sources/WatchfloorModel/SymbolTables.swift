/// The interned strings of one log: a table per kind of identifier, so each kind's symbols
/// are dense indexes into the state's storage, and one for free text (names, operators,
/// reasons, summaries) and verbatim timestamps.
public final class SymbolTables {
  public let facilities: Interner
  public let airlifts: Interner
  public let incidents: Interner
  public let texts: Interner

  /// - Parameter seed: the tables' hash seed, one for all, so that a string hashed ahead
  ///   (`hasher`) may go into any of them; by default this process's random one.
  public init(seed: UInt64 = ByteHash.processSeed) {
    facilities = Interner(seed: seed)
    airlifts = Interner(seed: seed)
    incidents = Interner(seed: seed)
    texts = Interner(seed: seed)
  }

  /// The hash every table takes in `Interner.intern(_:hash:)`.
  public var hasher: Interner.Hasher { texts.hasher }

  public func facility(_ symbol: Symbol) -> String { facilities[symbol] }
  public func airlift(_ symbol: Symbol) -> String { airlifts[symbol] }
  public func incident(_ symbol: Symbol) -> String { incidents[symbol] }
  public func text(_ symbol: Symbol) -> String { texts[symbol] }
  /// A timestamp exactly as the log wrote it.
  public func text(_ timestamp: Timestamp) -> String { RFC3339.text(timestamp, verbatim: texts) }

  /// Bytes held by all tables, for memory reports.
  public var footprint: Int {
    facilities.footprint + airlifts.footprint + incidents.footprint + texts.footprint
  }
}
