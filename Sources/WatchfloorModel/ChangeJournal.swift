#if canImport(Synchronization)
  import Synchronization
#endif

/// What the fold changed, for views kept in step with the state instead of rebuilt from it
/// (the console's sorted lists): every applied event gives the state a revision no other
/// state in the process has, and the journal names the airlift or incident the event
/// changed.
///
/// Two states with the same revision are the same state. A state whose journal holds an
/// earlier state's revision descends from it, and the entries after it are what changed
/// since. The journal keeps the last few thousand entries; a view further behind rebuilds.
public struct ChangeJournal: Sendable {
  /// What an applied event changed: an airlift, an incident, or something else (a facility,
  /// the figures).
  public enum Kind: UInt8, Sendable {
    case airlift, incident, other
  }

  /// One applied event: the revision it gave the state and what it changed.
  public struct Entry: Sendable, Equatable {
    public let revision: UInt64
    public let kind: Kind
    public let symbol: Symbol
  }

  /// Entries kept: at least this many of the latest, at most twice as many.
  public static let kept = 4096

  /// This state's revision, unique in the process.
  public private(set) var revision: UInt64
  private var entries: [Entry]

  init() {
    revision = Self.nextRevision()
    entries = [Entry(revision: revision, kind: .other, symbol: .none)]
  }

  /// Gives the state a new revision for an event that changed `symbol`.
  mutating func record(_ kind: Kind, _ symbol: Symbol) {
    revision = Self.nextRevision()
    if entries.count >= 2 * Self.kept { entries.removeFirst(entries.count - Self.kept) }
    entries.append(Entry(revision: revision, kind: kind, symbol: symbol))
  }

  /// The same state with no history: for a state kept aside (a timeline's checkpoint), where
  /// the journal's entries would be a copy of up to 2 × `kept` entries each.
  var withoutHistory: ChangeJournal {
    var journal = self
    journal.entries = [Entry(revision: revision, kind: .other, symbol: .none)]
    return journal
  }

  /// What changed after the state at `earlier`, oldest first: empty when it is this state;
  /// nil when `earlier` is not a state this one passed through within the journal's reach
  /// (another log, a seek back, or too long ago).
  public func changes(since earlier: UInt64) -> ArraySlice<Entry>? {
    if earlier == revision { return entries[entries.endIndex...] }
    // Revisions rise along a state's history: a binary search finds the earlier one.
    var low = entries.startIndex
    var high = entries.endIndex
    while low < high {
      let middle = (low + high) / 2
      if entries[middle].revision < earlier { low = middle + 1 } else { high = middle }
    }
    guard low < entries.endIndex, entries[low].revision == earlier else { return nil }
    return entries[(low + 1)...]
  }

  private static func nextRevision() -> UInt64 {
    #if canImport(Synchronization)
      if #available(macOS 15.0, *) {
        return RevisionCounter.value.wrappingAdd(1, ordering: .relaxed).newValue
      }
    #endif
    return UInt64.random(in: 1...UInt64.max)
  }
}

#if canImport(Synchronization)
  @available(macOS 15.0, *)
  private enum RevisionCounter {
    static let value = Atomic<UInt64>(0)
  }
#endif
