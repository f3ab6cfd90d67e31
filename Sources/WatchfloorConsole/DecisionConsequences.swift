import WatchfloorModel

extension ConsoleModel {
  /// What a cancellation or a diversion changes, in the confirmation's words: the route (a
  /// diversion's new one), where the detainees stay or go, and the load each facility gains or
  /// sheds.
  func stopOrReroute(_ dialog: DecisionDialog, _ airlift: Airlift, room: Int) -> [(String, Style)] {
    let origin = tables.facility(airlift.origin)
    let current = tables.facility(airlift.destination)
    var lines: [(String, Style)] = []
    let route =
      dialog.kind == .divert && !dialog.destination.isNone
      ? "\(origin) → \(tables.facility(dialog.destination)) (was \(current))"
      : "\(origin) → \(current)"
    lines.append(
      (
        CountText.sentence(fitting: room) { count in
          "\(route) · \(count(airlift.detainees)) detainees, \(count(airlift.highValue)) "
            + "high-value · \(airlift.status.name) · ETD "
            + ConsoleTime.dayTime(airlift.plan.etd, offsetMinutes: timeZoneMinutes)
        },
        Style(.text, .bold)
      ))
    if dialog.kind == .cancel {
      lines.append(
        (
          CountText.sentence(fitting: room) { count in
            "Cancelling is final: the \(count(airlift.detainees)) detainees stay at \(origin)"
          },
          Style(.warn, .bold)
        ))
    }
    if dialog.kind == .divert, let facility = state.facilities[dialog.destination] {
      let now = facility.projected
      let after = Int64(clamping: Int128(now) + Int128(airlift.detainees))
      lines.append(
        (
          CountText.sentence(fitting: room) { count in
            "\(tables.facility(dialog.destination)): \(count(facility.occupancy)) of "
              + "\(count(facility.capacity)) now, \(count(now)) projected, \(count(after)) "
              + "after landing (\(loadText(after, facility.capacity, count)))"
          },
          Self.loadBand(occupancy: after, capacity: facility.capacity).style
        ))
    }
    // Approved and in-flight airlifts count in their destination's inbound: it sheds them.
    if airlift.status.isInbound, let facility = state.facilities[airlift.destination] {
      let before = facility.projected
      let after = max(0, before - airlift.detainees)
      lines.append(
        (
          CountText.sentence(fitting: room) { count in
            "\(current) no longer expects them: projected \(count(before)) → \(count(after)) "
              + "(\(loadText(before, facility.capacity, count)) → "
              + "\(loadText(after, facility.capacity, count)))"
          },
          Style(.dim)
        ))
    }
    return lines
  }

  /// `216%!!`: a load with its ``LoadLevel`` mark, the figure shortened by `count`.
  private func loadText(_ value: Int64, _ capacity: Int64, _ count: (Int64) -> String) -> String {
    guard let whole = LoadLevel.percent(occupancy: value, capacity: capacity) else { return "n/a" }
    return count(Int64(clamping: whole)) + "%"
      + LoadLevel(occupancy: value, capacity: capacity).mark
  }
}
