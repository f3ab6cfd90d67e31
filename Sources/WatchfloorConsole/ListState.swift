import WatchfloorModel

/// A list pane's own state: the selected item (by identity, so it does not jump when rows
/// move), the first row shown, the filter, and the row order held still after a movement
/// key. Its updates are pure functions of the rows.
public struct ListState: Equatable, Sendable {
  /// The row the cursor is on. Setting it also makes it the ``chosen`` item.
  public var selected: Symbol? {
    get { cursor }
    set {
      cursor = newValue
      if let newValue { chosen = newValue }
    }
  }
  /// The item the officer last chose. A filter that hides it moves the cursor to a match,
  /// but the choice stays, so changing or clearing the filter brings the cursor back to it.
  public private(set) var chosen: Symbol?
  private var cursor: Symbol?
  /// The first row shown as last moved to. The view takes it through ``viewport(offset:selected:count:visible:)``
  /// with the rows it actually draws, so a stale offset can never hide the selection.
  public var offset = 0
  /// The filter, as typed; nil when the pane is not filtered.
  public var filter: String?
  /// The row order as it was at the last movement key, shown until it expires so rows do not
  /// move under the cursor; nil when the pane shows its live order.
  public var held: HeldOrder?

  public init() {}

  /// The first row to show of `count` rows in `visible` slots: `offset` where it keeps the
  /// selected row in sight, else the nearest offset that does; never past the last page.
  public static func viewport(offset: Int, selected: Int?, count: Int, visible: Int) -> Int {
    let visible = max(1, visible)
    var top = max(0, offset)
    if let selected {
      if selected < top { top = selected }
      if selected >= top + visible { top = selected - visible + 1 }
    }
    return max(0, min(top, count - visible))
  }

  /// Keeps the selection on its item in `rows`: the chosen item when it is there (a filter
  /// that hid it was changed or cleared), else the row the cursor is on; when that item left
  /// (it landed, say), takes its neighbour at the place it had in `previous`; selects the
  /// first row where none is. Under a filter the cursor moves without changing the choice.
  public mutating func follow(_ rows: [Symbol], previous: [Symbol]? = nil) {
    if let chosen, rows.contains(chosen) {
      cursor = chosen
      return
    }
    if let cursor, rows.contains(cursor) {
      if filter == nil { chosen = cursor }
      return
    }
    guard !rows.isEmpty else {
      cursor = nil
      return
    }
    let place = cursor.flatMap { previous?.firstIndex(of: $0) } ?? 0
    cursor = rows[min(place, rows.count - 1)]
    if filter == nil { chosen = cursor }
  }

  /// Moves the selection `delta` rows (clamped), then scrolls so it is in sight.
  public mutating func move(by delta: Int, in rows: [Symbol], visible: Int) {
    move(by: delta, in: rows, from: selected.flatMap { rows.firstIndex(of: $0) }, visible: visible)
  }

  /// The same, with the selected row's place in `rows` known (nil: not there).
  mutating func move(by delta: Int, in rows: [Symbol], from current: Int?, visible: Int) {
    guard !rows.isEmpty else { return }
    let current = current ?? 0
    let target = max(0, min(rows.count - 1, current.addingReportingOverflow(delta).partialValue))
    selected = rows[target]
    offset = Self.viewport(offset: offset, selected: target, count: rows.count, visible: visible)
  }

  /// Brings the offset to what the view will show.
  public mutating func scroll(in rows: [Symbol], visible: Int) {
    offset = Self.viewport(
      offset: offset, selected: selected.flatMap { rows.firstIndex(of: $0) }, count: rows.count,
      visible: visible)
  }
}

/// The three list panes' states.
public struct PaneStates: Equatable, Sendable {
  public var airlifts = ListState()
  public var occupancy = ListState()
  public var incidents = ListState()

  public init() {}

  public subscript(pane: Pane) -> ListState {
    get {
      switch pane {
      case .airlifts: airlifts
      case .occupancy: occupancy
      case .incidents: incidents
      }
    }
    set {
      switch pane {
      case .airlifts: airlifts = newValue
      case .occupancy: occupancy = newValue
      case .incidents: incidents = newValue
      }
    }
  }
}
