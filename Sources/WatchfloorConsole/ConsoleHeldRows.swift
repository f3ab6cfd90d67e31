import WatchfloorModel

/// Rows held still after a movement key (``HeldOrder``): begun by `move`, let go by the
/// monotonic clock's frames.
extension ConsoleModel {
  /// Holds `pane`'s rows in `order` until ``HeldOrder/seconds`` from the last frame. Live
  /// only, and only once the run loop's clock is known: a replay's rows follow its cursor.
  mutating func holdRows(_ pane: Pane, order: [Symbol]) {
    guard replay == nil, let clock = monotonicSeconds else { return }
    panes[pane].held = HeldOrder(order: order, until: clock + HeldOrder.seconds)
  }

  /// Lets go of every hold that has expired at `seconds`; the waiting changes apply and each
  /// selection stays on its item (or its neighbour, if the item left the pane).
  mutating func releaseHeldRows(at seconds: Double) {
    for pane in Pane.allCases {
      guard let held = panes[pane].held, held.until <= seconds else { continue }
      panes[pane].held = nil
      let rows = rowSymbols(pane)
      panes[pane].follow(rows, previous: held.order)
      panes[pane].scroll(in: rows, visible: visibleRows(pane))
    }
  }

  /// Lets go of every hold at once (the log was read again).
  mutating func releaseAllHeldRows() {
    for pane in Pane.allCases { panes[pane].held = nil }
  }

  /// When the next hold ends on the monotonic clock, for the run loop to wake then; nil when
  /// no pane is held.
  public var heldRowsDue: Double? {
    Pane.allCases.compactMap { panes[$0].held?.until }.min()
  }
}
