import WatchfloorModel

/// The panes' live rows kept in order between frames, so a key or a frame with nothing new
/// sorts nothing: each list follows the state through its ``ChangeJournal`` (an event costs
/// O(log n) comparisons and one memory move) and through the clock (an airlift that becomes
/// overdue moves up when its ETD passes, found by an index of ETDs). A list is sorted afresh
/// only when its filter or order changes, when the state is not a descendant of the one it
/// follows (another log, a seek back), or when more changed than moving would save.
///
/// A memo of pure functions of the model: copies of a model share it, and every read checks
/// it against the model's state, filters, order and clock, so a stale list is never shown.
final class RowCache {
  var airlifts = PaneIndex<AirliftRowKey, AirliftInputs>()
  /// The unfiltered airlifts by ETD, to find those the clock makes overdue.
  var etds = SortedRows<EtdKey>()
  /// The clock the airlifts' keys were worked out at.
  var airliftsKeyedAt = Timestamp.missing
  var incidents = PaneIndex<IncidentRowKey, String>()
  var alerts = PaneIndex<AlertKey, Bool>()
  var facilities: (revision: UInt64, filter: String, rows: [ConsoleModel.FacilityRow])?
  var held: [Pane: HeldMemo] = [:]
  /// How many times a list was sorted afresh, for the tests.
  private(set) var rebuilds = 0

  /// Comparisons made by all the lists so far.
  var comparisons: Int {
    airlifts.rows.comparisons + etds.comparisons + incidents.rows.comparisons
      + alerts.rows.comparisons
  }

  func noteRebuild() { rebuilds += 1 }
}

/// What decides which airlifts a list holds and how their keys are worked out, beside the
/// state: a change of any sorts the list afresh.
struct AirliftInputs: Equatable {
  var filter: String
  var order: AirliftOrder
  /// The clock, for a filtered list (the filter looks at the ETD and age as shown); nil
  /// unfiltered (the clock moves overdue airlifts one by one).
  var filteredAt: Timestamp?
  var clockKnown: Bool
}

/// The rows held after a movement key, arranged against one version of the live list.
struct HeldMemo {
  var order: [Symbol]
  var liveVersion: Int
  var rows: [Symbol]
  var waiting: Int
  /// The open incidents among `rows` (the incidents pane's title).
  var open = 0
}

/// One pane's live list: its rows, the state revision and inputs they are of, and a version
/// that changes whenever the list does.
struct PaneIndex<Key, Inputs: Equatable> {
  var rows = SortedRows<Key>()
  var revision: UInt64?
  var inputs: Inputs?
  var version = 0

  /// Brings the list to `state` under `inputs`: nothing when it is there already; else moves
  /// the items the journal says changed (`kind`), or sorts `candidates()` afresh.
  /// `onSet` sees every item moved, with its new key.
  mutating func refresh(
    state: OpsState, inputs: Inputs, kind: ChangeJournal.Kind, cache: RowCache,
    candidates: () -> [Symbol], key: (Symbol) -> Key?, precedes: (Key, Key) -> Bool,
    onRebuild: (SortedRows<Key>) -> Void = { _ in }, onSet: (Symbol, Key?) -> Void = { _, _ in }
  ) {
    let target = state.changes.revision
    if revision == target && self.inputs == inputs { return }
    version += 1
    if self.inputs == inputs, let revision,
      let changes = state.changes.changes(since: revision),
      changes.count <= max(256, rows.count / 8)
    {
      let moved = changes.filter { $0.kind == kind }.map { entry in
        (symbol: entry.symbol, key: key(entry.symbol))
      }
      rows.apply(moved, by: precedes)
      for item in moved { onSet(item.symbol, item.key) }
    } else {
      cache.noteRebuild()
      rows.rebuild(
        candidates().compactMap { symbol in key(symbol).map { (symbol, $0) } }, by: precedes)
      onRebuild(rows)
    }
    revision = target
    self.inputs = inputs
  }
}

/// What the airlifts pane sorts an airlift by (``AirliftOrder``): the fields the order does
/// not use are left at one value.
struct AirliftRowKey {
  /// Urgency: the status group, then overdue (0) before not (1), then urgent (0) first.
  var group: UInt8
  var overdue: UInt8
  var urgency: UInt8
  var destination: String
  var detainees: Int64
  var etd: Timestamp
  var id: Symbol
}

/// An airlift's ETD, then its symbol: the ETD index's order.
struct EtdKey {
  var etd: Timestamp
  var id: Symbol

  static func precedes(_ left: EtdKey, _ right: EtdKey) -> Bool {
    if left.etd != right.etd { return left.etd < right.etd }
    return left.id.rawValue < right.id.rawValue
  }
}

/// The incidents pane's order: open first, then by severity, newest first.
struct IncidentRowKey {
  var open: Bool
  var severity: Severity
  var reportedAt: Timestamp
  var id: Symbol
}

/// The alert line's order: critical before high, then the one waiting longest.
struct AlertKey {
  var severity: Severity
  var reportedAt: Timestamp
  var id: Symbol
}
