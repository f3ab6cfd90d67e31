import WatchfloorModel

/// The words the text and Markdown handovers share: times in the report's zone, durations,
/// loads, and what each decision did, so that both say the same thing.
struct ReportWording {
  let report: DayReport
  let zoneName: String

  /// `Shift handover: Thu 22 Jan 2026 (UTC)`
  var title: String { "Shift handover: \(report.day.longText) (\(zoneName))" }

  /// `2026-01-22 00:00:00 to 2026-01-23 00:00:00 UTC+03:00`: the span the day covers.
  var span: String {
    let offset = Int64(report.day.offsetMinutes * 60)
    return RFC3339.civil(report.day.start.seconds + offset, separator: " ") + " to "
      + RFC3339.civil(report.day.end.seconds + offset, separator: " ") + " \(zoneName)"
  }

  /// `09:10:00` for a time in the day; `2026-01-21 21:05:00` for one outside it (a first
  /// approval made on an earlier day, a line typed in late); `—` for none.
  func time(_ time: Timestamp) -> String {
    guard !time.isMissing else { return "—" }
    let text = RFC3339.civil(
      time.seconds + Int64(report.day.offsetMinutes * 60), separator: " ")
    return report.day.contains(time) ? String(text.dropFirst(11)) : text
  }

  /// `45s`, `14m`, `14m 30s`, `2h 31m`, `1d 3h`: at most two units, rounded down.
  static func duration(_ seconds: Int64) -> String {
    let sign = seconds < 0 ? "-" : ""
    let magnitude = seconds.magnitude
    func pair(_ big: UInt64, _ bigUnit: String, _ small: UInt64, _ smallUnit: String) -> String {
      sign + "\(big)\(bigUnit)" + (small == 0 ? "" : " \(small)\(smallUnit)")
    }
    if magnitude < 60 { return "\(sign)\(magnitude)s" }
    if magnitude < 3600 { return pair(magnitude / 60, "m", magnitude % 60, "s") }
    if magnitude < 86_400 { return pair(magnitude / 3600, "h", magnitude % 3600 / 60, "m") }
    return pair(magnitude / 86_400, "d", magnitude % 86_400 / 3600, "h")
  }

  /// `211%!!`: the peak's load with the console's mark (``LoadLevel/mark``), or `n/a` when
  /// the capacity is 0. `markWidth` pads the mark, so right-aligned figures stay aligned.
  static func load(_ peak: DayReport.PeakLoad, markWidth: Int = 0) -> String {
    loadText(occupancy: peak.occupancy, capacity: peak.capacity, markWidth: markWidth)
  }

  /// `211%!!`, `89%`, `n/a`: a load with its mark padded to `markWidth` characters.
  static func loadText(occupancy: Int64, capacity: Int64, markWidth: Int = 0) -> String {
    let mark = LoadLevel(occupancy: occupancy, capacity: capacity).mark
    return LoadLevel.percentText(occupancy: occupancy, capacity: capacity) + mark
      + String(repeating: " ", count: max(0, markWidth - mark.count))
  }

  /// `approved`, `denied`, `held`, `cancelled`, `acknowledged`: the event's last word.
  static func verb(_ event: EventType) -> String {
    String(event.name.split(separator: ".").last ?? "")
  }

  /// What the hash chain says of a decision: `✓ intact`, `BROKEN`, `unchained`, or nothing
  /// when it was not checked.
  static func chain(_ status: LinkStatus?) -> String {
    guard let status else { return "" }
    return status == .intact ? "✓ intact" : status == .broken ? "BROKEN" : "unchained"
  }

  /// The chain's verdict as one word for JSON: `intact`, `broken` or `unchained`.
  static func chainWord(_ status: LinkStatus) -> String {
    switch status {
    case .intact: "intact"
    case .broken: "broken"
    case .unchained: "unchained"
    }
  }

  /// What a decision did, in a few words.
  static func effect(_ effect: DayReport.Decision.Effect) -> String {
    switch effect {
    case .singleApproval(let releasesHold):
      "single approval" + (releasesHold ? ", releasing the hold" : "")
    case .firstApproval(let releasesHold):
      "first of two" + (releasesHold ? ", after the hold" : "")
    case .secondApproval(let firstBy):
      "second, making it approved (first: \(firstBy))"
    case .hold(let cleared, _):
      cleared.map { "on hold; clears the first approval by \($0)" } ?? "on hold"
    case .denial:
      "denied (final)"
    case .cancellation:
      "cancelled (final)"
    case .diversion(let from, let to, _):
      "diverted from \(from) to \(to)"
    case .acknowledgement:
      "first acknowledgement"
    case .reacknowledgement:
      "re-acknowledged after a raise of severity"
    }
  }

  /// `approved by layla at 06:25:00 and hassan at 06:41:00`, or the first and why it is alone.
  func pairing(_ row: DayReport.TwoPersonApproval) -> String {
    let first = "\(row.first.by) at \(time(row.first.at))"
    switch row.outcome {
    case .paired(let second):
      return "approved by \(first) and \(second.by) at \(time(second.at))"
    default:
      return "first approval by \(first); unpaired: \(unpairedReason(row.outcome))"
    }
  }

  /// Why a first approval has no second.
  func unpairedReason(_ outcome: DayReport.TwoPersonApproval.Outcome) -> String {
    switch outcome {
    case .paired(let second): "second by \(second.by) at \(time(second.at))"
    case .clearedByHold(let hold): "cleared by the hold by \(hold.by) at \(time(hold.at))"
    case .denied(let denial): "denied by \(denial.by) at \(time(denial.at))"
    case .cancelled(let at, let by): "cancelled at \(time(at))" + (by.map { " by \($0)" } ?? "")
    case .awaitingSecond: "still awaiting the second at the end of the day"
    }
  }

  /// `07:44:00 by layla`, or `none`.
  func firstAcknowledgement(_ entry: DayReport.IncidentEntry) -> String {
    entry.acknowledgements.first.map { "\(time($0.at)) by \($0.by)" } ?? "none"
  }

  /// `raised to critical at 08:55:00; re-acknowledged 09:01:00 by hassan`, or empty.
  func followUps(_ entry: DayReport.IncidentEntry) -> String {
    let raises = entry.raises.map { "raised \($0.from.name) to \($0.to.name) at \(time($0.at))" }
    let again = entry.acknowledgements.dropFirst().map {
      "re-acknowledged \(time($0.at)) by \($0.by)"
    }
    return (raises + again).joined(separator: "; ")
  }

  /// The status at the end of the day, with when it was resolved if that was in the day.
  func incidentStatus(_ entry: DayReport.IncidentEntry) -> String {
    entry.resolvedAt.map { "resolved \(time($0))" } ?? entry.status.name
  }

  /// The reason of a problem line; an out-of-order event names the time it fell behind.
  func problemReason(_ problem: DayReport.ProblemLine) -> String {
    guard problem.kind == .outOfOrder, let latest = problem.latestBefore else {
      return problem.reason
    }
    return "ts \(time(problem.at)) is earlier than \(time(latest)), already applied"
  }

  /// `3 anomalies, 0 malformed, 1 duplicate, 0 unknown type, 1 out of order`
  var problemCounts: String {
    let counts = report.lineCounts
    return "\(counted(counts.anomalies, "anomaly", "anomalies")), \(counts.malformed) malformed, "
      + "\(counted(counts.duplicates, "duplicate", "duplicates")), \(counts.unknownType) unknown type, "
      + "\(counts.outOfOrder) out of order"
  }

  /// The headline as label and value pairs.
  var headlineRows: [(String, String)] {
    let headline = report.headline
    let totals = headline.totals
    return [
      ("events in the day", grouped(Int64(headline.events))),
      (
        "detainees moved",
        "\(grouped(headline.moved)) (\(headline.landings) landing\(plural(headline.landings)))"
      ),
      (
        "still in flight",
        "\(grouped(headline.inFlightDetainees)) on \(headline.inFlightAirlifts) "
          + "airlift\(plural(headline.inFlightAirlifts))"
      ),
      (
        "totals at day end",
        "moved \(grouped(totals.moved)) · in flight \(grouped(totals.inFlight)) · "
          + "pending \(grouped(totals.pending)) · repatriated \(grouped(totals.repatriated)) · "
          + "discrepancy \(grouped(totals.discrepancy))"
      ),
    ]
  }
}
