import WatchfloorModel

/// The handover as one JSON object whose members mirror the sections, with snake_case keys,
/// ids as strings, times as RFC 3339 UTC (`2026-01-22T06:41:00Z`, null when absent) and
/// durations in whole seconds. Lists keep the report's order.
public struct ReportJSON: Sendable {
  public let report: DayReport
  /// The label of the report's zone: `UTC`, `UTC+03:00`.
  public let zoneName: String

  public init(report: DayReport, zoneName: String) {
    self.report = report
    self.zoneName = zoneName
  }

  /// The whole report, without a final newline.
  public var text: String {
    var out = JSONWriter()
    write(to: &out)
    return out.text
  }

  /// Writes ``text`` to `out` as it goes.
  public func write(to out: inout JSONWriter) {
    out.beginObject()
    out.string("day", report.day.text)
    out.string("time_zone", zoneName)
    out.integer("offset_minutes", report.day.offsetMinutes)
    out.string("start", time(report.day.start))
    out.string("end", time(report.day.end))
    headline(&out)
    airlifts(&out)
    decisions(&out)
    twoPersonApprovals(&out)
    stops(&out)
    incidents(&out)
    peakLoads(&out)
    discrepancies(&out)
    problems(&out)
    out.endObject()
  }

  private func time(_ time: Timestamp?) -> String? {
    guard let time, !time.isMissing else { return nil }
    return RFC3339.utcText(time)
  }

  private func headline(_ out: inout JSONWriter) {
    let headline = report.headline
    out.beginObject("headline")
    out.integer("events", headline.events)
    out.integer("landings", headline.landings)
    out.integer("moved", headline.moved)
    out.beginObject("in_flight")
    out.integer("airlifts", headline.inFlightAirlifts)
    out.integer("detainees", headline.inFlightDetainees)
    out.endObject()
    out.beginObject("totals")
    out.integer("moved", headline.totals.moved)
    out.integer("in_flight", headline.totals.inFlight)
    out.integer("pending", headline.totals.pending)
    out.integer("repatriated", headline.totals.repatriated)
    out.integer("discrepancy", headline.totals.discrepancy)
    out.endObject()
    out.endObject()
  }

  private func airlifts(_ out: inout JSONWriter) {
    out.beginObject("airlifts")
    out.integer("count", report.airliftCount)
    out.beginArray("by_status")
    for outcome in report.airlifts {
      out.beginObject()
      out.string("status", outcome.status.name)
      out.integer("count", outcome.airlifts.count)
      out.beginArray("airlifts")
      for airlift in outcome.airlifts { out.string(nil, airlift) }
      out.endArray()
      out.endObject()
    }
    out.endArray()
    out.endObject()
  }

  private func decisions(_ out: inout JSONWriter) {
    out.beginArray("decisions")
    for decision in report.decisions {
      out.beginObject()
      out.string("at", time(decision.at))
      out.string("kind", decision.event.name)
      out.string("subject", decision.subject)
      out.string("by", decision.by)
      effect(decision.effect, &out)
      out.string("chain", decision.chain.map(ReportWording.chainWord))
      line(decision.source, &out)
      out.endObject()
    }
    out.endArray()
  }

  /// `effect` in words a script can match, and the details that go with it.
  private func effect(_ effect: DayReport.Decision.Effect, _ out: inout JSONWriter) {
    switch effect {
    case .singleApproval(let releasesHold):
      out.string("effect", "single_approval")
      out.bool("releases_hold", releasesHold)
    case .firstApproval(let releasesHold):
      out.string("effect", "first_of_two")
      out.bool("releases_hold", releasesHold)
    case .secondApproval(let firstBy):
      out.string("effect", "second_of_two")
      out.string("first_by", firstBy)
    case .hold(let cleared, let reason):
      out.string("effect", "hold")
      out.string("clears_approval_by", cleared)
      out.string("reason", reason)
    case .denial(let reason):
      out.string("effect", "denial")
      out.string("reason", reason)
    case .cancellation(let reason):
      out.string("effect", "cancellation")
      out.string("reason", reason)
    case .diversion(let from, let to, let reason):
      out.string("effect", "diversion")
      out.string("from", from)
      out.string("to", to)
      out.string("reason", reason)
    case .acknowledgement:
      out.string("effect", "acknowledgement")
    case .reacknowledgement:
      out.string("effect", "reacknowledgement")
    }
  }

  private func twoPersonApprovals(_ out: inout JSONWriter) {
    out.beginArray("two_person_approvals")
    for row in report.twoPersonApprovals {
      out.beginObject()
      out.string("airlift", row.airlift)
      out.string("first_by", row.first.by)
      out.string("first_at", time(row.first.at))
      var second: DayReport.Signature?
      var unpaired: (reason: String, at: Timestamp?, by: String?)?
      switch row.outcome {
      case .paired(let signature): second = signature
      case .clearedByHold(let hold): unpaired = ("cleared_by_hold", hold.at, hold.by)
      case .denied(let denial): unpaired = ("denied", denial.at, denial.by)
      case .cancelled(let at, let by): unpaired = ("cancelled", at, by)
      case .awaitingSecond: unpaired = ("awaiting_second", nil, nil)
      }
      out.string("second_by", second?.by)
      out.string("second_at", time(second?.at))
      out.bool("paired", row.isPaired)
      out.string("unpaired_reason", unpaired?.reason)
      out.string("unpaired_at", time(unpaired?.at ?? nil))
      out.string("unpaired_by", unpaired?.by ?? nil)
      out.endObject()
    }
    out.endArray()
  }

  private func stops(_ out: inout JSONWriter) {
    out.beginArray("holds_denials_cancellations")
    for stop in report.stops {
      out.beginObject()
      out.string("at", time(stop.at))
      out.string("kind", stop.event.name)
      out.string("airlift", stop.airlift)
      out.string("by", stop.by)
      out.string("reason", stop.reason)
      line(stop.source, &out)
      out.endObject()
    }
    out.endArray()
  }

  private func incidents(_ out: inout JSONWriter) {
    out.beginObject("incidents")
    out.integer("count", report.incidentCount)
    out.beginArray("by_severity")
    for group in report.incidents {
      out.beginObject()
      out.string("severity", group.severity.name)
      out.integer("count", group.incidents.count)
      out.integer("unacknowledged", group.unacknowledged)
      out.integer("longest_time_to_acknowledge", group.longestTimeToAcknowledge)
      out.beginArray("incidents")
      for entry in group.incidents { incident(entry, &out) }
      out.endArray()
      out.endObject()
    }
    out.endArray()
    out.endObject()
  }

  private func incident(_ entry: DayReport.IncidentEntry, _ out: inout JSONWriter) {
    out.beginObject()
    out.string("incident", entry.incident)
    out.string("sector", entry.sector)
    out.string("kind", entry.kind)
    out.string("severity", entry.severity.name)
    out.string("summary", entry.summary)
    out.string("reported_at", time(entry.reportedAt))
    out.string("acknowledged_at", time(entry.acknowledgements.first?.at))
    out.string("acknowledged_by", entry.acknowledgements.first?.by)
    out.integer("time_to_acknowledge", entry.timeToAcknowledge)
    out.beginArray("reacknowledgements")
    for again in entry.acknowledgements.dropFirst() {
      out.beginObject()
      out.string("at", time(again.at))
      out.string("by", again.by)
      out.endObject()
    }
    out.endArray()
    out.beginArray("raises")
    for raise in entry.raises {
      out.beginObject()
      out.string("at", time(raise.at))
      out.string("from", raise.from.name)
      out.string("to", raise.to.name)
      out.endObject()
    }
    out.endArray()
    out.string("status", entry.status.name)
    out.string("resolved_at", time(entry.resolvedAt))
    out.endObject()
  }

  private func peakLoads(_ out: inout JSONWriter) {
    out.beginArray("peak_loads")
    for peak in report.peakLoads {
      out.beginObject()
      out.string("facility", peak.facility)
      out.string("name", peak.name)
      out.number("load", peak.load)
      out.integer("occupancy", peak.occupancy)
      out.integer("capacity", peak.capacity)
      out.string("reached_at", time(peak.reachedAt))
      out.bool("at_start", peak.atStart)
      out.endObject()
    }
    out.endArray()
  }

  private func discrepancies(_ out: inout JSONWriter) {
    out.beginArray("discrepancies")
    for landing in report.discrepancies {
      out.beginObject()
      out.string("at", time(landing.at))
      out.string("airlift", landing.airlift)
      out.string("destination", landing.destination)
      out.integer("detainees", landing.detainees)
      out.integer("delivered", landing.delivered)
      out.integer("shortfall", landing.shortfall)
      out.endObject()
    }
    out.endArray()
  }

  private func problems(_ out: inout JSONWriter) {
    out.beginObject("problems")
    report.lineCounts.write(to: &out)
    out.beginArray("lines")
    for problem in report.problems {
      out.beginObject()
      line(problem.source, &out)
      out.string("kind", problem.kind.rawValue)
      out.string("ts", time(problem.at))
      out.string(
        "reason",
        problem.kind == .outOfOrder ? "ts earlier than an event applied before it" : problem.reason)
      out.string("latest_before", time(problem.latestBefore))
      out.endObject()
    }
    out.endArray()
    out.endObject()
  }

  private func line(_ reference: DayReport.LineReference, _ out: inout JSONWriter) {
    out.string("file", reference.file)
    out.integer("line", reference.line)
  }
}
