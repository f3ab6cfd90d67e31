import WatchfloorModel

/// The list a diversion's destination is chosen from: every facility but the airlift's origin
/// and its current destination, Iraqi sites first. A value inside the dialog, moved by `update`.
public struct DestinationPicker: Equatable, Sendable {
  /// The facilities offered, in the order shown.
  public var facilities: [Symbol]
  /// The index of the highlighted facility in `facilities`.
  public var selected = 0

  public init(facilities: [Symbol]) {
    self.facilities = facilities
  }

  /// The highlighted facility; nil when there is none to offer.
  public var highlighted: Symbol? {
    facilities.indices.contains(selected) ? facilities[selected] : nil
  }

  /// Moves the highlight by `delta` rows, clamped to the list.
  public mutating func move(by delta: Int) {
    guard !facilities.isEmpty else { return }
    let target = selected.addingReportingOverflow(delta)
    selected =
      target.overflow
      ? (delta < 0 ? 0 : facilities.count - 1)
      : min(max(0, target.partialValue), facilities.count - 1)
  }

  /// The first row to draw so that the highlight is in sight in `visible` rows: the top of
  /// the list while the highlight fits, else the highlight on the last row. The list is short
  /// (the log's facilities), so the view derives this rather than the model keeping it.
  public func scrolled(visible: Int) -> Int {
    guard visible > 0 else { return selected }
    return max(0, selected - visible + 1)
  }
}
