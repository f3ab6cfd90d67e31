import WatchfloorModel

/// The handover as GitHub Markdown: a `#` title, a `##` heading per section and a table for
/// every list, an explicit sentence for an empty one, times in the report's zone.
public struct ReportMarkdown: Sendable {
  public let report: DayReport
  /// The label of the report's zone: `UTC`, `UTC+03:00`.
  public let zoneName: String

  public init(report: DayReport, zoneName: String) {
    self.report = report
    self.zoneName = zoneName
  }

  private var wording: ReportWording { ReportWording(report: report, zoneName: zoneName) }

  /// The whole report, without a final newline.
  public var text: String { lines.joined(separator: "\n") }

  /// Writes ``text`` to `out` line by line, without joining the lines into one string.
  public func writeText(to out: inout OutputBuffer) { out.writeLines(lines) }

  private var lines: ArraySlice<String> {
    var lines = ["# \(cell(wording.title))", "", "\(cell(wording.span)).", ""]
    lines += section("Headline", headline())
    lines += section("Airlifts by outcome (\(report.airliftCount))", airlifts())
    lines += section("Decisions (\(report.decisions.count))", decisions())
    lines += section(
      "Two-person approvals (\(report.twoPersonApprovals.count))", twoPersonApprovals())
    lines += section("Holds, denials and cancellations (\(report.stops.count))", stops())
    lines += section("Incidents (\(report.incidentCount))", incidents())
    lines += section("Peak load", peakLoads())
    lines += section("Discrepancies (\(report.discrepancies.count))", discrepancies())
    lines += section("Anomalies and problem lines (\(report.problems.count))", problems())
    return lines.dropLast()
  }

  private func section(_ heading: String, _ body: [String]) -> [String] {
    ["## \(heading)", ""] + body + [""]
  }

  private func headline() -> [String] {
    markdownTable(["figure", "value"], wording.headlineRows.map { [$0.0, $0.1] })
  }

  private func airlifts() -> [String] {
    guard report.airliftCount > 0 else { return ["No airlifts."] }
    return markdownTable(
      ["status", "-airlifts", "ids"],
      report.airlifts.map { outcome in
        [
          outcome.status.name, "\(outcome.airlifts.count)",
          outcome.airlifts.joined(separator: ", "),
        ]
      })
  }

  private func decisions() -> [String] {
    guard !report.decisions.isEmpty else { return ["No decisions."] }
    return markdownTable(
      ["time", "decision", "subject", "by", "what it did", "chain"],
      report.decisions.map { decision in
        [
          wording.time(decision.at), ReportWording.verb(decision.event), decision.subject,
          decision.by, ReportWording.effect(decision.effect), ReportWording.chain(decision.chain),
        ]
      })
  }

  private func twoPersonApprovals() -> [String] {
    guard !report.twoPersonApprovals.isEmpty else { return ["No two-person approvals."] }
    return markdownTable(
      ["airlift", "first approval", "second approval", "pairing"],
      report.twoPersonApprovals.map { row in
        let first = "\(row.first.by) at \(wording.time(row.first.at))"
        if case .paired(let second) = row.outcome {
          return [row.airlift, first, "\(second.by) at \(wording.time(second.at))", "paired"]
        }
        return [row.airlift, first, "—", "unpaired: " + wording.unpairedReason(row.outcome)]
      })
  }

  private func stops() -> [String] {
    guard !report.stops.isEmpty else { return ["No holds, denials or cancellations."] }
    return markdownTable(
      ["time", "decision", "airlift", "by", "reason"],
      report.stops.map { stop in
        [
          wording.time(stop.at), ReportWording.verb(stop.event), stop.airlift, stop.by ?? "—",
          stop.reason,
        ]
      })
  }

  private func incidents() -> [String] {
    guard report.incidentCount > 0 else { return ["No incidents."] }
    var lines = markdownTable(
      ["severity", "-incidents", "-unacknowledged", "longest to acknowledge"],
      report.incidents.map { group in
        [
          group.severity.name, "\(group.incidents.count)", "\(group.unacknowledged)",
          group.longestTimeToAcknowledge.map(ReportWording.duration) ?? "—",
        ]
      })
    for group in report.incidents where !group.incidents.isEmpty {
      lines += ["", "### \(capitalized(group.severity.name)) (\(group.incidents.count))", ""]
      lines += markdownTable(
        [
          "incident", "sector", "kind", "summary", "reported", "acknowledged",
          "time to acknowledge", "later", "status",
        ],
        group.incidents.map { entry in
          [
            entry.incident, entry.sector, entry.kind, entry.summary, wording.time(entry.reportedAt),
            wording.firstAcknowledgement(entry),
            entry.timeToAcknowledge.map(ReportWording.duration) ?? "—",
            wording.followUps(entry), wording.incidentStatus(entry),
          ]
        })
    }
    return lines
  }

  private func peakLoads() -> [String] {
    guard !report.peakLoads.isEmpty else { return ["No facilities."] }
    return markdownTable(
      ["facility", "name", "-peak load", "-occupancy", "-capacity", "reached"],
      report.peakLoads.map { peak in
        [
          peak.facility, peak.name, ReportWording.load(peak), grouped(peak.occupancy),
          grouped(peak.capacity),
          peak.atStart ? "at the start of the day" : wording.time(peak.reachedAt),
        ]
      })
  }

  private func discrepancies() -> [String] {
    guard !report.discrepancies.isEmpty else { return ["No discrepancies."] }
    return markdownTable(
      ["time", "airlift", "destination", "-detainees", "-delivered", "-shortfall"],
      report.discrepancies.map { landing in
        [
          wording.time(landing.at), landing.airlift, landing.destination,
          grouped(landing.detainees), grouped(landing.delivered), grouped(landing.shortfall),
        ]
      })
  }

  private func problems() -> [String] {
    let counts = "Counts: \(wording.problemCounts)."
    guard !report.problems.isEmpty else { return ["No anomalies or problem lines.", "", counts] }
    return markdownTable(
      ["line", "classification", "reason"],
      report.problems.map { problem in
        [
          "\(problem.source.file):\(problem.source.line)", problem.kind.rawValue,
          wording.problemReason(problem),
        ]
      }) + ["", counts]
  }

  /// A GitHub table; a header starting with `-` is a right-aligned (numeric) column.
  private func markdownTable(_ headers: [String], _ rows: [[String]]) -> [String] {
    let names = headers.map { $0.hasPrefix("-") ? String($0.dropFirst()) : $0 }
    let rule = headers.map { $0.hasPrefix("-") ? "---:" : "---" }
    return [
      "| " + names.map(cell).joined(separator: " | ") + " |",
      "|" + rule.joined(separator: "|") + "|",
    ]
      + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
  }

  /// Text safe in a table cell: escape sequences made visible, `|` escaped, and no empty
  /// cell (GitHub renders one, but a reader of the raw text looks for a value).
  /// `Critical` for `critical`: severities are single lowercase words.
  private func capitalized(_ word: String) -> String {
    word.prefix(1).uppercased() + word.dropFirst()
  }

  private func cell(_ text: String) -> String {
    let safe = Sanitizer.sanitize(text).split(separator: "|", omittingEmptySubsequences: false)
      .joined(separator: "\\|")
    return safe.isEmpty ? "—" : safe
  }
}
