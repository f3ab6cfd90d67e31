import WatchfloorModel

/// Builds test logs line by line and folds them.
struct LogBuilder {
  let timeline = Timeline(checkpointInterval: 4)
  var verdicts: [LineVerdict] = []
  private var minute = 0

  var state: OpsState { timeline.current }
  var tables: SymbolTables { timeline.tables }

  /// The next timestamp, one minute after the previous one.
  mutating func nextTime() -> String {
    minute += 1
    return "2026-01-21T\(twoDigits(6 + minute / 60)):\(twoDigits(minute % 60)):00Z"
  }

  /// Ingests a raw line.
  @discardableResult
  mutating func raw(_ line: String) -> LineVerdict {
    var line = line
    let verdict = line.withUTF8 {
      timeline.ingest(UnsafeRawBufferPointer($0), lineNumber: verdicts.count + 1, source: 0)
    }
    verdicts.append(verdict)
    return verdict
  }

  /// Ingests an event of `type` with the given members (JSON fragments) and a fresh `ts`.
  @discardableResult
  mutating func event(_ type: String, _ members: String = "", ts: String? = nil) -> LineVerdict {
    let time = ts ?? nextTime()
    return raw(#"{"ts":"\#(time)","type":"\#(type)"\#(members.isEmpty ? "" : ",")\#(members)}"#)
  }

  mutating func facility(
    _ id: String, side: String = "IQ", capacity: Int = 1000, occupancy: Int = 500,
    security: String? = nil
  ) {
    let securityMember = security.map { #","security":"\#($0)""# } ?? ""
    event(
      "facility.registered",
      #""facility":"\#(id)","name":"\#(id) prison","region":"R-\#(id)","side":"\#(side)","#
        + #""capacity":\#(capacity),"occupancy":\#(occupancy)\#(securityMember)"#)
  }

  @discardableResult
  mutating func request(
    _ id: String, from origin: String = "hasakah", to destination: String = "karkh",
    detainees: Int = 100, highValue: Int = 0, by: String = "liaison"
  ) -> LineVerdict {
    event(
      "airlift.requested",
      #""airlift":"\#(id)","origin":"\#(origin)","destination":"\#(destination)","#
        + #""detainees":\#(detainees),"high_value":\#(highValue),"#
        + #""etd":"2026-01-21T12:00:00Z","by":"\#(by)""#)
  }

  @discardableResult
  mutating func decide(_ type: String, _ id: String, by: String = "hassan") -> LineVerdict {
    let reason = type == "airlift.approved" ? "" : #","reason":"test""#
    return event(type, #""airlift":"\#(id)","by":"\#(by)"\#(reason)"#)
  }

  /// The standard two facilities: Hasakah in Syria, Karkh in Iraq.
  mutating func twoFacilities() {
    facility("hasakah", side: "SY", capacity: 1500, occupancy: 900)
    facility("karkh", side: "IQ", capacity: 3000, occupancy: 6000, security: "maximum")
  }

  func airlift(_ id: String) -> Airlift? {
    tables.airlifts.lookup(id).flatMap { state.airlift($0) }
  }

  func facilityState(_ id: String) -> Facility? {
    tables.facilities.lookup(id).flatMap { state.facilities[$0] }
  }

  func incident(_ id: String) -> Incident? {
    tables.incidents.lookup(id).flatMap { state.incidents[$0] }
  }

  func approvers(_ id: String) -> [String] {
    airlift(id)?.progress.approvals.map { tables.text($0) } ?? []
  }
}

func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

extension LineVerdict {
  var isApplied: Bool {
    if case .applied = self { return true }
    return false
  }
  var isMalformed: Bool {
    if case .malformed = self { return true }
    return false
  }
  var isDuplicate: Bool {
    if case .duplicate = self { return true }
    return false
  }
  var isUnknownType: Bool {
    if case .unknownType = self { return true }
    return false
  }
  var anomaly: Anomaly? {
    if case .anomaly(let anomaly) = self { return anomaly }
    return nil
  }
  var malformedReason: String? {
    if case .malformed(let reason) = self { return reason }
    return nil
  }
}
