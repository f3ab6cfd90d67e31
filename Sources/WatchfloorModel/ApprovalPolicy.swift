/// A decision an officer proposes: on an airlift, or acknowledging an incident.
public enum Decision: Sendable, Equatable {
  case approve(airlift: Symbol)
  case deny(airlift: Symbol, reason: String)
  case hold(airlift: Symbol, reason: String)
  case cancel(airlift: Symbol, reason: String)
  /// A new destination for an approved or in-flight airlift (`.none`: not chosen yet).
  case divert(airlift: Symbol, to: Symbol, reason: String)
  case acknowledge(incident: Symbol)

  /// The decision of `kind` on `subject` (an incident for ``DecisionKind/acknowledge``, an
  /// airlift otherwise); `reason` is kept only by the kinds that take one, `destination` only
  /// by a diversion.
  public init(kind: DecisionKind, subject: Symbol, reason: String = "", destination: Symbol = .none)
  {
    switch kind {
    case .approve: self = .approve(airlift: subject)
    case .deny: self = .deny(airlift: subject, reason: reason)
    case .hold: self = .hold(airlift: subject, reason: reason)
    case .cancel: self = .cancel(airlift: subject, reason: reason)
    case .divert: self = .divert(airlift: subject, to: destination, reason: reason)
    case .acknowledge: self = .acknowledge(incident: subject)
    }
  }

  /// Which decision this is.
  public var kind: DecisionKind {
    switch self {
    case .approve: .approve
    case .deny: .deny
    case .hold: .hold
    case .cancel: .cancel
    case .divert: .divert
    case .acknowledge: .acknowledge
    }
  }

  /// The verb an officer reads: "approve", "deny", "hold", "cancel", "divert" or "acknowledge".
  public var verb: String { kind.verb }
}

/// The operator's standing on the roster.
public enum OperatorRole: Sendable, Equatable {
  case approver, viewer
  /// Not on the roster.
  case unknown
}

/// Who proposes the decision, and when.
public struct PolicyContext: Sendable {
  /// The officer's name, as it will be written in `by`; compared with names in the log as
  /// ``OfficerName`` says.
  public var operatorName: String
  public var role: OperatorRole
  /// Without a roster anyone named is an approver; `role` is then not consulted.
  public var rosterIsOpen: Bool
  /// The moment of the decision, for "reported in the last 24 hours".
  public var now: Timestamp

  public init(operatorName: String, role: OperatorRole, rosterIsOpen: Bool, now: Timestamp) {
    self.operatorName = operatorName
    self.role = role
    self.rosterIsOpen = rosterIsOpen
    self.now = now
  }
}

/// The approval policy: a pure function of the state, the proposed decision and its context.
///
/// Blocks refuse the decision; warnings (approvals and diversions only) need the officer's confirmation.
/// Every block that applies is listed, so the officer sees all reasons at once; warnings are
/// computed only for an approval or diversion the life cycle allows.
public func evaluate(
  _ decision: Decision, state: OpsState, tables: SymbolTables, context: PolicyContext
) -> PolicyVerdict {
  var verdict = PolicyVerdict()
  if let block = operatorBlock(context) { verdict.blocks.append(block) }
  switch decision {
  case .acknowledge(let symbol):
    guard let incident = state.incidents[symbol] else {
      verdict.blocks.append(.unknownIncident(symbol))
      return verdict
    }
    if incident.status != .open {
      verdict.blocks.append(.incidentNotOpen(incident: symbol, status: incident.status))
    }
  case .approve(let symbol), .deny(let symbol, _), .hold(let symbol, _),
    .cancel(let symbol, _), .divert(let symbol, _, _):
    guard let airlift = state.airlift(symbol) else {
      verdict.blocks.append(.unknownAirlift(symbol))
      return verdict
    }
    checkAirlift(decision, airlift, state: state, tables: tables, context: context, &verdict)
  }
  return verdict
}

/// The statuses each airlift decision may be taken from (spec/events.md, "Airlift life cycle").
func allowedStatuses(_ decision: Decision) -> [AirliftStatus] {
  decision.kind.allowedStatuses
}

private func operatorBlock(_ context: PolicyContext) -> PolicyBlock? {
  let name = context.operatorName
  if name.allSatisfy(\.isWhitespace) { return .unnamedOperator }
  if context.rosterIsOpen { return nil }
  switch context.role {
  case .approver: return nil
  case .viewer: return .viewerMayNotDecide(operator: name)
  case .unknown: return .notOnRoster(operator: name)
  }
}

private func checkAirlift(
  _ decision: Decision, _ airlift: Airlift, state: OpsState, tables: SymbolTables,
  context: PolicyContext, _ verdict: inout PolicyVerdict
) {
  let status = airlift.status
  let allowed = allowedStatuses(decision).contains(status)
  if status.isFinal {
    verdict.blocks.append(.finalAirlift(airlift: airlift.id, status: status))
  } else if !allowed {
    verdict.blocks.append(
      .notAllowed(airlift: airlift.id, decision: decision.verb, status: status))
  }
  switch decision {
  case .deny(_, let reason), .hold(_, let reason), .cancel(_, let reason):
    if decision.kind.needsReason && reason.allSatisfy(\.isWhitespace) {
      verdict.blocks.append(.reasonRequired(airlift: airlift.id, decision: decision.verb))
    }
  case .approve:
    checkApproval(airlift, allowed: allowed, state: state, tables: tables, context, &verdict)
  case .divert(_, let destination, _):
    checkDiversion(
      airlift, to: destination, allowed: allowed, state: state, tables: tables, context,
      &verdict)
  case .acknowledge:
    break
  }
}

private func checkApproval(
  _ airlift: Airlift, allowed: Bool, state: OpsState, tables: SymbolTables,
  _ context: PolicyContext, _ verdict: inout PolicyVerdict
) {
  let name = context.operatorName
  let destination = state.facilities[airlift.destination]
  if let facility = destination, facility.status != .open {
    verdict.blocks.append(
      .destinationNotOpen(facility: airlift.destination, status: facility.status))
  }
  let first = airlift.progress.firstApproval
  if airlift.status == .awaitingSecond, !first.isNone, OfficerName.same(tables.text(first), name) {
    verdict.blocks.append(.sameApproverTwice(airlift: airlift.id, officer: name))
  }
  let requester = airlift.plan.requestedBy
  if !requester.isNone, OfficerName.same(tables.text(requester), name) {
    verdict.blocks.append(.approverIsRequester(airlift: airlift.id, officer: name))
  }
  guard allowed else { return }
  verdict.twoPerson = twoPersonStatus(airlift, tables: tables, operatorName: name)
  guard let facility = destination else { return }
  // An approval adds the airlift to the destination's inbound, unless it is already there.
  let joining = airlift.status.isInbound ? 0 : airlift.detainees
  verdict.warnings += arrivalWarnings(
    airlift, at: airlift.destination, facility, joining: joining, state: state, tables: tables,
    now: context.now)
}

/// Divert: the new destination must be a facility, open, neither the current destination nor
/// the origin; its risks after landing are warned as for an approval.
private func checkDiversion(
  _ airlift: Airlift, to destination: Symbol, allowed: Bool, state: OpsState,
  tables: SymbolTables, _ context: PolicyContext, _ verdict: inout PolicyVerdict
) {
  guard let facility = state.facilities[destination] else {
    verdict.blocks.append(.unknownFacility(destination))
    return
  }
  if facility.status != .open {
    verdict.blocks.append(.destinationNotOpen(facility: destination, status: facility.status))
  }
  if destination == airlift.destination {
    verdict.blocks.append(.sameDestination(airlift: airlift.id, facility: destination))
  }
  if destination == airlift.origin {
    verdict.blocks.append(.divertToOrigin(airlift: airlift.id, facility: destination))
  }
  guard allowed, verdict.isAllowed else { return }
  // The airlift leaves its old destination's inbound and joins the new one's.
  verdict.warnings += arrivalWarnings(
    airlift, at: destination, facility, joining: airlift.detainees, state: state,
    tables: tables, now: context.now)
}

/// What an airlift landing at `destination` risks: the load after landing, high-value
/// detainees below maximum security, recent serious incidents near it. `joining` is the
/// detainees the landing adds to what the facility already counts as inbound.
private func arrivalWarnings(
  _ airlift: Airlift, at destination: Symbol, _ facility: Facility, joining: Int64,
  state: OpsState, tables: SymbolTables, now: Timestamp
) -> [PolicyWarning] {
  var warnings = loadWarnings(destination, facility, joining: joining)
  if airlift.highValue > 0, facility.security != .maximum {
    warnings.append(
      .highValueBelowMaximumSecurity(
        highValue: airlift.highValue, facility: destination, security: facility.security))
  }
  warnings += incidentWarnings(
    near: destination, facility, state: state, tables: tables, now: now)
  return warnings
}

private func twoPersonStatus(_ airlift: Airlift, tables: SymbolTables, operatorName: String)
  -> TwoPersonStatus
{
  guard airlift.needsTwoApprovals else { return .single }
  if airlift.status == .awaitingSecond {
    return .second(firstBy: tables.text(airlift.progress.firstApproval))
  }
  return .first(by: operatorName)
}

/// The destination's projected load once this airlift has landed: occupancy, plus the
/// detainees already inbound, plus the `joining` ones not yet counted as inbound.
private func loadWarnings(_ destination: Symbol, _ facility: Facility, joining: Int64)
  -> [PolicyWarning]
{
  let projected = Int128(facility.occupancy) + facility.inbound + Int128(joining)
  let after = Int64(clamping: projected)
  switch LoadLevel(projected: projected, capacity: facility.capacity) {
  case .unknown:
    return [.capacityUnknown(facility: destination, projected: after)]
  case .farOverCapacity:
    return [
      .farOverCapacity(facility: destination, projected: after, capacity: facility.capacity)
    ]
  case .overCapacity:
    return [.overCapacity(facility: destination, projected: after, capacity: facility.capacity)]
  case .underCapacity, .full:
    return []
  }
}

/// Sector names that mark a border sector: the project's choice, since the log carries no
/// such flag. A sector whose name contains one of these words (ignoring case) is a border
/// sector, and its high or critical incidents warn on every approval, wherever it is bound.
public let borderSectorWords = ["border", "anbar", "nineveh", "rabia", "qaim", "sinjar"]

/// Whether `sector` is a border sector (see `borderSectorWords`).
public func isBorderSector(_ sector: String) -> Bool {
  let lowered = sector.lowercased()
  return borderSectorWords.contains { lowered.contains($0) }
}

/// Open (not resolved) incidents of severity high or critical, reported in the 24 hours
/// before `now` (or after it, when clocks disagree), in the destination's region or at the
/// destination itself (by `sector` or `facility`), or in a border sector.
private func incidentWarnings(
  near destination: Symbol, _ facility: Facility, state: OpsState, tables: SymbolTables,
  now: Timestamp
) -> [PolicyWarning] {
  let region = tables.text(facility.region).lowercased()
  let facilityID = tables.facility(destination).lowercased()
  let since = now.adding(seconds: -86_400)
  var warnings: [PolicyWarning] = []
  state.incidents.forEachEntry { symbol, incident in
    guard incident.status != .resolved, incident.severity >= .high,
      incident.reportedAt >= since
    else { return }
    let sector = tables.text(incident.sector)
    let lowered = sector.lowercased()
    let place: IncidentPlace
    if incident.facility == destination || (!facilityID.isEmpty && lowered == facilityID) {
      place = .destination
    } else if !region.isEmpty && lowered == region {
      place = .region
    } else if isBorderSector(sector) {
      place = .borderSector
    } else {
      return
    }
    warnings.append(
      .recentIncident(
        incident: symbol, severity: incident.severity, sector: incident.sector,
        reportedAt: incident.reportedAt, place: place, destination: destination))
  }
  return warnings
}
