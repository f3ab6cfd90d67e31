import WatchfloorModel

/// Rows that arrive above the first row a scrolled list shows would otherwise go unseen: the
/// list counts them (`↑ 2 new`) until they are scrolled into sight.
extension ConsoleModel {
  /// Notes the rows of `pane` that are new since `previous` and sit above the first row shown.
  mutating func noteNewRowsAbove(
    _ pane: Pane, rows: [Symbol], visible: Int, previous: [Symbol]
  ) {
    guard pane != .occupancy else { return }
    let top = firstShownRow(pane, rows: rows, visible: visible)
    guard top > 0 else { return }
    let known = Set(previous)
    let arrived = rows[..<min(top, rows.count)].filter { !known.contains($0) }
    if !arrived.isEmpty { newAbove[pane, default: []].formUnion(arrived) }
  }

  /// Notes `arrived`, the items new to `pane` since the last rows, that sit above the first
  /// row shown: each found by its place in the rows.
  mutating func noteNewRowsAbove(
    _ pane: Pane, rows: [Symbol], visible: Int, arrived: Set<Symbol>
  ) {
    guard pane != .occupancy, !arrived.isEmpty else { return }
    let top = firstShownRow(pane, rows: rows, visible: visible)
    let above = arrived.filter { symbol in
      rowIndex(pane, of: symbol, in: rows).map { $0 < top } ?? false
    }
    if !above.isEmpty { newAbove[pane, default: []].formUnion(above) }
  }

  /// Forgets new rows that are in sight now, or gone.
  mutating func forgetNewRowsInSight() {
    for (pane, symbols) in newAbove where !symbols.isEmpty {
      let rows = rowSymbols(pane)
      let top = firstShownRow(pane, rows: rows)
      newAbove[pane] = symbols.filter { symbol in
        rowIndex(pane, of: symbol, in: rows).map { $0 < top } ?? false
      }
    }
  }

  /// The index of the first row `pane` shows, as the view computes it.
  func firstShownRow(_ pane: Pane, rows: [Symbol]) -> Int {
    firstShownRow(pane, rows: rows, visible: visibleRows(pane))
  }

  /// The same, with the rows in sight at hand.
  func firstShownRow(_ pane: Pane, rows: [Symbol], visible: Int) -> Int {
    let state = panes[pane]
    return ListState.viewport(
      offset: state.offset, selected: state.selected.flatMap { rowIndex(pane, of: $0, in: rows) },
      count: rows.count, visible: visible)
  }
}
