/// The shift handover for one day: what the day's records did to the operation, section by
/// section, with identifiers, names and officers spelled out, so that a rendering needs
/// nothing else.
///
/// The day's records are `Timeline.records(of:)`: a record belongs to the day in which the
/// log reaches it, so a line typed in late is reported on the day it was written, and its
/// time may lie outside the day. Built by `DayReport.build(timeline:day:lineReasons:)`.
public struct DayReport: Sendable {
  public var day: DayWindow
  /// The records the day adds to the log (indexes into the timeline).
  public var records: Range<Int>
  public var headline: Headline
  /// One entry per status, in `outcomeOrder`, empty ones included.
  public var airlifts: [AirliftOutcome]
  /// Approvals, denials, holds and acknowledgements applied in the day, in log order.
  public var decisions: [Decision]
  /// First approvals of high-value airlifts made in the day or awaiting their second at its
  /// start, each with its second or the reason it has none, in the order of the first.
  public var twoPersonApprovals: [TwoPersonApproval]
  /// Holds, denials and cancellations applied in the day, in log order.
  public var stops: [AirliftStop]
  /// One group per severity, critical first, empty ones included.
  public var incidents: [IncidentGroup]
  /// Every facility registered at the start of the day or during it, highest peak first;
  /// facilities with no capacity ("n/a") last.
  public var peakLoads: [PeakLoad]
  /// Landings in the day that delivered fewer detainees than they carried.
  public var discrepancies: [Discrepancy]
  /// Anomalies, malformed, duplicate and unknown-type lines, and out-of-order events of the
  /// day, in log order.
  public var problems: [ProblemLine]
  /// The day's lines by classification (the fold's counts at the end less those at the start).
  public var lineCounts: LineCounts

  /// The order in which the airlifts of the day are counted by their status at its end: done
  /// first, then what is moving, then what waits for an officer, then what will not fly.
  public static let outcomeOrder: [AirliftStatus] = [
    .landed, .inFlight, .approved, .awaitingSecond, .pending, .held, .denied, .cancelled,
  ]

  public var airliftCount: Int { airlifts.reduce(0) { $0 + $1.airlifts.count } }
  public var incidentCount: Int { incidents.reduce(0) { $0 + $1.incidents.count } }
}

extension DayReport {
  /// The report with each decision marked with what the hash chain says of its line.
  public func marking(chain marks: ChainMarks) -> DayReport {
    var marked = self
    for index in marked.decisions.indices {
      let source = marked.decisions[index].source
      marked.decisions[index].chain = marks.status(file: source.file, line: source.line)
    }
    return marked
  }

  /// Where a line of the log is: its file as given and its 1-based line number.
  public struct LineReference: Sendable, Equatable {
    public var file: String
    public var line: Int
  }

  /// An officer's act and when it happened.
  public struct Signature: Sendable, Equatable {
    public var by: String
    public var at: Timestamp
  }

  /// The figures at the top of the handover.
  public struct Headline: Sendable, Equatable {
    /// Records in the day (every non-blank line, whatever its classification).
    public var events: Int
    /// Airlifts that landed in the day and the detainees they delivered.
    public var landings: Int
    public var moved: Int64
    /// Airlifts in flight at the end of the day and their detainees.
    public var inFlightAirlifts: Int
    public var inFlightDetainees: Int64
    /// The operation's totals at the end of the day, as `watchfloor state` gives them.
    public var totals: Totals
  }

  /// The spec's `totals`: moved, in flight, pending, repatriated, discrepancy.
  public struct Totals: Sendable, Equatable {
    public var moved: Int64
    public var inFlight: Int64
    public var pending: Int64
    public var repatriated: Int64
    public var discrepancy: Int64
  }

  /// The day's airlifts that ended the day in one status.
  public struct AirliftOutcome: Sendable, Equatable {
    public var status: AirliftStatus
    /// Airlift ids in byte order.
    public var airlifts: [String]
  }

  /// One officer's decision applied in the day.
  public struct Decision: Sendable, Equatable {
    public var at: Timestamp
    /// `airlift.approved`, `airlift.denied`, `airlift.held`, `airlift.cancelled`,
    /// `airlift.diverted` or `incident.acknowledged`.
    public var event: EventType
    /// The airlift or incident id.
    public var subject: String
    public var by: String
    public var effect: Effect
    public var source: LineReference
    /// What the decision hash chain says of its line; nil when the chain was not checked.
    public var chain: LinkStatus?

    /// What the decision did.
    public enum Effect: Sendable, Equatable {
      /// An airlift with no high-value detainees approved by one officer; `releasesHold` when
      /// it was held.
      case singleApproval(releasesHold: Bool)
      /// The first of the two approvals a high-value airlift needs.
      case firstApproval(releasesHold: Bool)
      /// The second approval, by someone else, making the airlift approved.
      case secondApproval(firstBy: String)
      /// A hold; it clears a first approval when the airlift was awaiting its second.
      case hold(clearsApprovalBy: String?, reason: String)
      case denial(reason: String)
      /// A cancellation that names its officer (the spec lets a feed cancel without one).
      case cancellation(reason: String)
      /// A new destination for an approved or in-flight airlift; `reason` empty when none.
      case diversion(from: String, to: String, reason: String)
      case acknowledgement
      /// An acknowledgement after a raise of severity cleared the one before.
      case reacknowledgement
    }
  }

  /// A two-person approval: the first, and the second or why there is none.
  public struct TwoPersonApproval: Sendable, Equatable {
    public var airlift: String
    public var first: Signature
    public var outcome: Outcome

    public enum Outcome: Sendable, Equatable {
      case paired(second: Signature)
      /// A hold cleared the first approval; the airlift needs two approvals anew.
      case clearedByHold(Signature)
      case denied(Signature)
      case cancelled(at: Timestamp, by: String?)
      /// Still waiting for the second at the end of the day.
      case awaitingSecond
    }

    public var isPaired: Bool {
      if case .paired = outcome { return true }
      return false
    }
  }

  /// A hold, denial or cancellation, with its reason.
  public struct AirliftStop: Sendable, Equatable {
    public var at: Timestamp
    /// `airlift.held`, `airlift.denied` or `airlift.cancelled`.
    public var event: EventType
    public var airlift: String
    /// Nil for a cancellation that named no one.
    public var by: String?
    public var reason: String
    public var source: LineReference
  }

  /// The incidents of one severity (as it stood at the end of the day).
  public struct IncidentGroup: Sendable, Equatable {
    public var severity: Severity
    /// In the order they were reported.
    public var incidents: [IncidentEntry]

    /// Incidents still `open` (unacknowledged) at the end of the day.
    public var unacknowledged: Int { incidents.filter { $0.status == .open }.count }
    /// The longest time to acknowledge among the group's acknowledged incidents, in seconds.
    public var longestTimeToAcknowledge: Int64? {
      incidents.compactMap(\.timeToAcknowledge).max()
    }
  }

  /// An incident reported in the day or unresolved at its start.
  public struct IncidentEntry: Sendable, Equatable {
    public var incident: String
    public var sector: String
    public var kind: String
    public var summary: String
    /// Severity at the end of the day.
    public var severity: Severity
    public var reportedAt: Timestamp
    /// Every acknowledgement up to the end of the day, earlier days' included, in log order.
    /// Only an open incident can be acknowledged, and only a raise of severity reopens an
    /// acknowledged one, so every acknowledgement after the first follows a raise.
    public var acknowledgements: [Signature]
    /// Raises of severity in the day.
    public var raises: [SeverityRaise]
    /// Status at the end of the day.
    public var status: IncidentStatus
    /// When it was resolved, if that happened in the day.
    public var resolvedAt: Timestamp?

    /// Seconds from the report to the first acknowledgement (a re-acknowledgement after a
    /// raise does not restart the clock: the first answer is what the floor's reaction time
    /// measures); nil while none. Whole seconds, rounded down.
    public var timeToAcknowledge: Int64? {
      acknowledgements.first.map { reportedAt.seconds(until: $0.at) }
    }
  }

  /// An incident's severity raised by `incident.updated`.
  public struct SeverityRaise: Sendable, Equatable {
    public var at: Timestamp
    public var from: Severity
    public var to: Severity
  }

  /// A facility's highest load in the day (the start included) and when it was first reached.
  public struct PeakLoad: Sendable, Equatable {
    public var facility: String
    public var name: String
    /// Occupancy ÷ capacity; nil when the capacity was 0 all day ("n/a"), and then the figures
    /// are those of the highest occupancy.
    public var load: Double?
    public var occupancy: Int64
    public var capacity: Int64
    public var reachedAt: Timestamp
    /// The peak was the load the day started with (`reachedAt` is then the day's start).
    public var atStart: Bool
  }

  /// A landing that delivered fewer detainees than the airlift carried.
  public struct Discrepancy: Sendable, Equatable {
    public var at: Timestamp
    public var airlift: String
    public var destination: String
    public var detainees: Int64
    public var delivered: Int64
    public var shortfall: Int64 { detainees - delivered }
  }

  /// A line of the day the fold could not apply, or applied out of order.
  public struct ProblemLine: Sendable, Equatable {
    public var source: LineReference
    /// The line's `ts`; missing when it had no valid one.
    public var at: Timestamp
    public var kind: Kind
    /// Why: the anomaly, the decoder's reason, the unknown type; empty for out of order.
    public var reason: String
    /// For an out-of-order event: the latest `ts` applied before it.
    public var latestBefore: Timestamp?

    public enum Kind: String, Sendable, CaseIterable {
      case anomaly
      case malformed
      case duplicate
      case unknownType = "unknown-type"
      case outOfOrder = "out-of-order"
    }
  }
}

extension Timestamp {
  /// Whole seconds from this instant to `later`, rounded down (negative when `later` is
  /// earlier).
  public func seconds(until later: Timestamp) -> Int64 {
    later.seconds &- seconds &- (later.nanoseconds < nanoseconds ? 1 : 0)
  }
}
