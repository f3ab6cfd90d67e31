import WatchfloorModel

/// The handover as aligned text for a terminal: a heading per section, an explicit "none"
/// for an empty one, times in the report's zone.
public struct ReportText: Sendable {
  public let report: DayReport
  /// The label of the report's zone: `UTC`, `UTC+03:00`.
  public let zoneName: String

  public init(report: DayReport, zoneName: String) {
    self.report = report
    self.zoneName = zoneName
  }

  private var wording: ReportWording { ReportWording(report: report, zoneName: zoneName) }

  /// The state summary's aligned table, with wider gaps: the handover's rows carry more
  /// columns of free text.
  private func reportTable(_ rows: [[String]]) -> [String] { table(rows, gap: 2) }

  /// Airlift ids per line in the outcome list, so that a busy day stays readable.
  private static let idsPerLine = 6

  /// The whole report, without a final newline.
  public var text: String { lines.joined(separator: "\n") }

  /// Writes ``text`` to `out` line by line, without joining the lines into one string.
  public func writeText(to out: inout OutputBuffer) { out.writeLines(lines) }

  /// The report's lines, sanitised.
  private var lines: LazyMapSequence<[String], String> {
    var lines = [wording.title, "  " + wording.span, ""]
    lines += headline() + [""]
    lines += airlifts() + [""]
    lines += decisions() + [""]
    lines += twoPersonApprovals() + [""]
    lines += stops() + [""]
    lines += incidents() + [""]
    lines += peakLoads() + [""]
    lines += discrepancies() + [""]
    lines += problems()
    // Text from the log may hold escape sequences: never send them to the terminal.
    return lines.lazy.map(Sanitizer.sanitize)
  }

  private func headline() -> [String] {
    ["HEADLINE"] + reportTable(wording.headlineRows.map { [$0.0, $0.1] })
  }

  private func airlifts() -> [String] {
    var rows: [[String]] = []
    for outcome in report.airlifts {
      let chunks = stride(from: 0, to: max(1, outcome.airlifts.count), by: Self.idsPerLine).map {
        outcome.airlifts[$0..<min($0 + Self.idsPerLine, outcome.airlifts.count)]
          .joined(separator: ", ")
      }
      for (index, ids) in chunks.enumerated() {
        rows.append(
          index == 0
            ? [outcome.status.name, ">\(outcome.airlifts.count)", ids] : ["", "", ids])
      }
    }
    return ["AIRLIFTS BY OUTCOME (\(report.airliftCount))"]
      + (report.airliftCount == 0 ? ["  no airlifts"] : reportTable(rows))
  }

  private func decisions() -> [String] {
    let rows = report.decisions.map { decision in
      [
        wording.time(decision.at), ReportWording.verb(decision.event), decision.subject,
        decision.by, ReportWording.effect(decision.effect), ReportWording.chain(decision.chain),
      ]
    }
    return ["DECISIONS (\(report.decisions.count))"]
      + (rows.isEmpty ? ["  no decisions"] : reportTable(rows))
  }

  private func twoPersonApprovals() -> [String] {
    let rows = report.twoPersonApprovals.map { [$0.airlift, wording.pairing($0)] }
    return ["TWO-PERSON APPROVALS (\(rows.count))"]
      + (rows.isEmpty ? ["  no two-person approvals"] : reportTable(rows))
  }

  private func stops() -> [String] {
    let rows = report.stops.map { stop in
      [
        wording.time(stop.at), ReportWording.verb(stop.event), stop.airlift, stop.by ?? "—",
        stop.reason,
      ]
    }
    return ["HOLDS, DENIALS AND CANCELLATIONS (\(rows.count))"]
      + (rows.isEmpty ? ["  no holds, denials or cancellations"] : reportTable(rows))
  }

  private func incidents() -> [String] {
    var lines = ["INCIDENTS (\(report.incidentCount))"]
    guard report.incidentCount > 0 else { return lines + ["  no incidents"] }
    lines += reportTable(
      [["severity", ">incidents", ">unacknowledged", "longest to acknowledge"]]
        + report.incidents.map { group in
          [
            group.severity.name, ">\(group.incidents.count)", ">\(group.unacknowledged)",
            group.longestTimeToAcknowledge.map(ReportWording.duration) ?? "—",
          ]
        })
    for group in report.incidents where !group.incidents.isEmpty {
      lines += ["", "  " + group.severity.name.uppercased()]
      let rows = group.incidents.map { entry in
        [
          entry.incident, entry.sector, entry.kind, "reported \(wording.time(entry.reportedAt))",
          "acknowledged \(wording.firstAcknowledgement(entry))",
          entry.timeToAcknowledge.map(ReportWording.duration) ?? "—",
          wording.incidentStatus(entry),
        ]
      }
      for (entry, line) in zip(group.incidents, reportTable(rows)) {
        lines.append("  " + line)
        // The summary whole, under its row: the handover is read, not scanned.
        if !entry.summary.isEmpty { lines.append("        " + entry.summary) }
        let followUps = wording.followUps(entry)
        if !followUps.isEmpty { lines.append("        " + followUps) }
      }
    }
    return lines
  }

  private func peakLoads() -> [String] {
    let rows = report.peakLoads.map { peak in
      [
        peak.facility, peak.name, ">" + ReportWording.load(peak, markWidth: 2),
        ">\(grouped(peak.occupancy)) / \(grouped(peak.capacity))",
        peak.atStart ? "at the start of the day" : "first at \(wording.time(peak.reachedAt))",
      ]
    }
    return ["PEAK LOAD"] + (rows.isEmpty ? ["  no facilities"] : reportTable(rows))
  }

  private func discrepancies() -> [String] {
    let rows = report.discrepancies.map { landing in
      [
        wording.time(landing.at), landing.airlift, "at \(landing.destination)",
        ">\(grouped(landing.detainees)) carried", ">\(grouped(landing.delivered)) delivered",
        ">\(grouped(landing.shortfall)) short",
      ]
    }
    return ["DISCREPANCIES (\(rows.count))"] + (rows.isEmpty ? ["  none"] : reportTable(rows))
  }

  private func problems() -> [String] {
    let rows = report.problems.map { problem in
      [
        "\(problem.source.file):\(problem.source.line)", problem.kind.rawValue,
        wording.problemReason(problem),
      ]
    }
    return ["ANOMALIES AND PROBLEM LINES (\(rows.count))"]
      + (rows.isEmpty ? ["  none"] : reportTable(rows)) + ["  " + wording.problemCounts]
  }
}
