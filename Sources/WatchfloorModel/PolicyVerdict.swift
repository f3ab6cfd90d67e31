/// What the approval policy says about a proposed decision.
public struct PolicyVerdict: Sendable, Equatable {
  /// Reasons the decision may not be made.
  public var blocks: [PolicyBlock] = []
  /// Risks the officer must confirm before the decision is made.
  public var warnings: [PolicyWarning] = []
  /// For an approval the life cycle allows: where it stands under the two-person rule.
  public var twoPerson: TwoPersonStatus?

  public init(
    blocks: [PolicyBlock] = [], warnings: [PolicyWarning] = [], twoPerson: TwoPersonStatus? = nil
  ) {
    self.blocks = blocks
    self.warnings = warnings
    self.twoPerson = twoPerson
  }

  public var isAllowed: Bool { blocks.isEmpty }
}

/// Where an approval stands under the two-person rule.
public enum TwoPersonStatus: Sendable, Equatable {
  /// No high-value detainees: one approval makes it approved.
  case single
  /// The first of two approvals, by this officer.
  case first(by: String)
  /// The second approval, after the first by `firstBy`: it makes the airlift approved.
  case second(firstBy: String)

  public var message: String {
    switch self {
    case .single: "single approval"
    case .first(let officer): "approval 1 of 2, first by \(officer)"
    case .second: "second approval: this makes it approved"
    }
  }
}

/// Where a recent incident lies with respect to the destination.
public enum IncidentPlace: Sendable, Equatable {
  /// Its `facility` or `sector` names the destination facility.
  case destination
  /// Its sector is the destination's region.
  case region
  /// Its sector is a border sector (see `isBorderSector`).
  case borderSector
}

/// A reason a decision may not be made.
public enum PolicyBlock: Sendable, Equatable {
  case unknownAirlift(Symbol)
  case unknownIncident(Symbol)
  /// No operator name to write in `by`.
  case unnamedOperator
  case viewerMayNotDecide(operator: String)
  case notOnRoster(operator: String)
  /// The airlift is landed, denied or cancelled.
  case finalAirlift(airlift: Symbol, status: AirliftStatus)
  /// The life cycle does not allow this decision from the airlift's status.
  case notAllowed(airlift: Symbol, decision: String, status: AirliftStatus)
  case incidentNotOpen(incident: Symbol, status: IncidentStatus)
  /// The destination is closed or in lockdown.
  case destinationNotOpen(facility: Symbol, status: FacilityStatus)
  /// Two-person rule: the second approval must come from another officer.
  case sameApproverTwice(airlift: Symbol, officer: String)
  case approverIsRequester(airlift: Symbol, officer: String)
  /// A deny, hold or cancel needs a reason.
  case reasonRequired(airlift: Symbol, decision: String)
  /// A diversion to a facility the log does not know (or to none chosen: `.none`).
  case unknownFacility(Symbol)
  /// A diversion to the destination the airlift already has.
  case sameDestination(airlift: Symbol, facility: Symbol)
  /// A diversion back to the airlift's origin.
  case divertToOrigin(airlift: Symbol, facility: Symbol)

  /// The reason in plain words, with identifiers spelled out.
  public func message(_ tables: SymbolTables) -> String {
    switch self {
    case .unknownAirlift(let airlift):
      "there is no airlift \"\(tables.airlift(airlift))\""
    case .unknownIncident(let incident):
      "there is no incident \"\(tables.incident(incident))\""
    case .unnamedOperator:
      "no operator name: a decision must say who made it"
    case .viewerMayNotDecide(let name):
      "\(name) is a viewer on the roster and may not decide"
    case .notOnRoster(let name):
      "\(name) is not on the roster and may not decide"
    case .finalAirlift(let airlift, let status):
      "airlift \"\(tables.airlift(airlift))\" is already \(status.name): no further decision"
    case .notAllowed(let airlift, let decision, let status):
      "cannot \(decision) airlift \"\(tables.airlift(airlift))\": it is \(status.name)"
    case .incidentNotOpen(let incident, let status):
      "incident \"\(tables.incident(incident))\" is \(status.name), not open: "
        + "nothing to acknowledge"
    case .destinationNotOpen(let facility, let status):
      "destination \"\(tables.facility(facility))\" is "
        + (status == .lockdown ? "in lockdown" : status.name) + ": it cannot receive detainees"
    case .sameApproverTwice(let airlift, let officer):
      "\(officer) already gave the first approval of airlift \"\(tables.airlift(airlift))\": "
        + "the second must come from another officer (two-person rule)"
    case .approverIsRequester(let airlift, let officer):
      "\(officer) requested airlift \"\(tables.airlift(airlift))\" and may not approve it"
    case .reasonRequired(let airlift, let decision):
      "a reason is required to \(decision) airlift \"\(tables.airlift(airlift))\""
    case .unknownFacility(let facility):
      facility.isNone
        ? "no destination chosen: a diversion needs one"
        : "there is no facility \"\(tables.facility(facility))\""
    case .sameDestination(let airlift, let facility):
      "airlift \"\(tables.airlift(airlift))\" is already bound for "
        + "\"\(tables.facility(facility))\": nothing to divert"
    case .divertToOrigin(let airlift, let facility):
      "\"\(tables.facility(facility))\" is the origin of airlift "
        + "\"\(tables.airlift(airlift))\": divert it elsewhere, or cancel it"
    }
  }
}

/// A risk the officer must confirm before approving or diverting.
public enum PolicyWarning: Sendable, Equatable {
  /// After landing the destination holds more than its capacity (up to 150%).
  case overCapacity(facility: Symbol, projected: Int64, capacity: Int64)
  /// After landing the destination holds more than 150% of its capacity.
  case farOverCapacity(facility: Symbol, projected: Int64, capacity: Int64)
  /// The destination's capacity is 0: its load is undefined.
  case capacityUnknown(facility: Symbol, projected: Int64)
  /// High-value detainees bound for a facility below maximum security.
  case highValueBelowMaximumSecurity(highValue: Int64, facility: Symbol, security: Security)
  /// An open high or critical incident reported in the last 24 hours near the destination
  /// or in a border sector.
  case recentIncident(
    incident: Symbol, severity: Severity, sector: Symbol, reportedAt: Timestamp,
    place: IncidentPlace, destination: Symbol)

  /// The risk in plain words, with identifiers spelled out.
  public func message(_ tables: SymbolTables) -> String {
    switch self {
    case .overCapacity(let facility, let projected, let capacity):
      "destination \"\(tables.facility(facility))\" will be over capacity after landing: "
        + "\(projected) detainees for \(capacity) places "
        + "(\(percent(projected, of: capacity))%)"
    case .farOverCapacity(let facility, let projected, let capacity):
      "destination \"\(tables.facility(facility))\" will be more than 150% full after landing: "
        + "\(projected) detainees for \(capacity) places "
        + "(\(percent(projected, of: capacity))%)"
    case .capacityUnknown(let facility, let projected):
      "destination \"\(tables.facility(facility))\" has capacity unknown (recorded as 0): "
        + "\(projected) detainees after landing"
    case .highValueBelowMaximumSecurity(let highValue, let facility, let security):
      "\(highValue) high-value detainee\(highValue == 1 ? "" : "s") bound for "
        + "\"\(tables.facility(facility))\", whose security is \(security.name), not maximum"
    case .recentIncident(
      let incident, let severity, let sector, let reportedAt, let place, let destination):
      "open \(severity.name) incident \"\(tables.incident(incident))\" in sector "
        + "\"\(tables.text(sector))\", reported \(RFC3339.utcText(reportedAt)): "
        + placeWords(place, destination, tables)
    }
  }
}

private func placeWords(_ place: IncidentPlace, _ destination: Symbol, _ tables: SymbolTables)
  -> String
{
  switch place {
  case .destination: "at the destination \"\(tables.facility(destination))\""
  case .region: "in the region of the destination \"\(tables.facility(destination))\""
  case .borderSector: "a border sector"
  }
}

/// `value` as a percentage of `total` (positive), to a tenth, rounded up so that a load above
/// a threshold never reads as the threshold itself: "110", "150.1".
private func percent(_ value: Int64, of total: Int64) -> String {
  let whole = Int128(max(total, 1))
  let tenths = (Int128(value) * 1000 + whole - 1) / whole
  let units = tenths / 10
  let fraction = tenths % 10
  return fraction == 0 ? "\(units)" : "\(units).\(fraction)"
}
