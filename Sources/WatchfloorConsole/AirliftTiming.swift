import WatchfloorModel

/// An airlift's times as the pane shows them: the ETD (with its date when it is not on the
/// clock's day, `OVERDUE 2h` once it has passed without a departure) and the AGE (waiting
/// for a decision, or airborne).
extension ConsoleModel {
  /// Not yet departed (awaiting a decision, held or approved) and past its ETD.
  public func isOverdue(_ airlift: Airlift) -> Bool {
    switch airlift.status {
    case .pending, .awaitingSecond, .held, .approved:
      return !airlift.plan.etd.isMissing && !now.isMissing && airlift.plan.etd < now
    case .inFlight, .landed, .denied, .cancelled:
      return false
    }
  }

  /// `08:00` on the clock's day, `27 Jan 08:00` on another, `OVERDUE 2h` (danger) when past.
  func etdCell(_ airlift: Airlift) -> Span {
    let etd = airlift.plan.etd
    if isOverdue(airlift) {
      return Span("OVERDUE " + ConsoleTime.age(from: etd, to: now, width: 4), Style(.danger, .bold))
    }
    let etdOffset = zoneOffsetMinutes(at: etd)
    let sameDay =
      !now.isMissing && !etd.isMissing
      && DayWindow(containing: etd, offsetMinutes: etdOffset).day
        == DayWindow(containing: now, offsetMinutes: zoneOffsetMinutes(at: now)).day
    return Span(
      sameDay
        ? ConsoleTime.hourMinute(etd, offsetMinutes: etdOffset)
        : ConsoleTime.dayTime(etd, offsetMinutes: etdOffset))
  }

  /// How long it has waited for a decision (pending, second approval, held), or been in the
  /// air (in flight); empty once approved: then the ETD says what matters.
  func ageCell(_ airlift: Airlift) -> [Span] {
    switch airlift.status {
    case .pending, .awaitingSecond, .held:
      return [Span(ConsoleTime.age(from: airlift.plan.requestedAt, to: now, width: 4), Style(.dim))]
    case .inFlight:
      return [Span(ConsoleTime.age(from: airlift.progress.departedAt, to: now, width: 4))]
    case .approved, .landed, .denied, .cancelled:
      return []
    }
  }
}
