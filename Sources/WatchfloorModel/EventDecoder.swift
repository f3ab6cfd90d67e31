/// What one line of the log decodes to, before the log's history is consulted.
public enum DecodedLine: Sendable {
  /// Empty, or only spaces and tabs: not counted at all.
  case blank
  /// Not an event: the reason, and the line's `ts` when it had a valid one (as-of uses it).
  case malformed(reason: String, ts: Timestamp)
  /// A well-formed event of a known type.
  case event(ts: Timestamp, by: Symbol, body: EventBody)
  /// A well-formed envelope with a `type` this version does not know.
  case unknownType(ts: Timestamp, type: String)
}

/// Decodes log lines into compact events, written for this schema (spec/events.md).
///
/// It scans each line once with a strict JSON scanner, keeps the spans of the members it knows,
/// and checks each type's fields for presence, JSON type and range. Identifiers and text are
/// interned into `tables` as they are read. After `decode`, `withLineID` gives the line's `id`
/// bytes (when it had one) for duplicate detection.
public final class EventDecoder {
  public let tables: SymbolTables
  public private(set) var hasLineID = false
  /// The envelope `id` of the last decoded line, unescaped, in the first `lineIDCount` bytes;
  /// valid when `hasLineID`. Plain memory: an array's copy-in cost more than the duplicate
  /// check it feeds, once per line.
  private var lineIDBytes: UnsafeMutableRawPointer
  private var lineIDCapacity = 64
  private var lineIDCount = 0

  /// The envelope `id` of the last decoded line, unescaped; valid when `hasLineID`.
  public func withLineID<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    body(UnsafeRawBufferPointer(start: lineIDBytes, count: lineIDCount))
  }

  /// The same bytes as a new array (for tests and tools; ingest uses `withLineID`).
  public var lineID: [UInt8] { withLineID { Array($0) } }

  /// Where in the line's members the last of each known member is, valid where `present`
  /// holds the line's generation; plain memory, as this is the hot path of ingest (an index,
  /// not a copy of the 40-byte value, for each member).
  private let memberIndex: UnsafeMutablePointer<Int32>
  private let present: UnsafeMutablePointer<UInt32>
  private var generation: UInt32 = 0
  /// For `decode(_:)`: the scanner and its output, kept to reuse their storage.
  private var scanner = LineScanner()
  private var members: [ScannedMember] = []

  public init(tables: SymbolTables) {
    self.tables = tables
    lineIDBytes = .allocate(byteCount: lineIDCapacity, alignment: 8)
    let count = EventField.allCases.count
    memberIndex = .allocate(capacity: count)
    memberIndex.initialize(repeating: 0, count: count)
    present = .allocate(capacity: count)
    present.initialize(repeating: 0, count: count)
  }

  deinit {
    memberIndex.deallocate()
    present.deallocate()
    lineIDBytes.deallocate()
  }

  /// Keeps `id` as the line's id.
  private func keepLineID(_ id: UnsafeRawBufferPointer) {
    if id.count > lineIDCapacity {
      lineIDBytes.deallocate()
      lineIDCapacity = max(id.count, lineIDCapacity * 2)
      lineIDBytes = .allocate(byteCount: lineIDCapacity, alignment: 8)
    }
    if let base = id.baseAddress { lineIDBytes.copyMemory(from: base, byteCount: id.count) }
    lineIDCount = id.count
  }

  /// Forgets the last line's id: for a line that never reached the decoder (one the reader's
  /// scan found malformed), so that no id is taken for it.
  public func forgetLineID() { hasLineID = false }

  /// Decodes one line (without its `\n`; a trailing `\r` is allowed).
  public func decode(_ line: UnsafeRawBufferPointer) -> DecodedLine {
    members.removeAll(keepingCapacity: true)
    switch scanner.scan(line, into: &members) {
    case .blank:
      hasLineID = false
      return .blank
    case .invalid(let reason):
      hasLineID = false
      return .malformed(reason: reason, ts: .missing)
    case .object:
      return members.withUnsafeBufferPointer { decode(line, members: $0) }
    }
  }

  /// Decodes a line that `LineScanner` found to be a JSON object with these known `members`.
  /// `ts`, when given, is the line's last `ts` member already parsed (by
  /// `RFC3339.parseKeepingNothing`, on the reader thread).
  public func decode(
    _ line: UnsafeRawBufferPointer, members: UnsafeBufferPointer<ScannedMember>,
    ts parsedTS: Timestamp? = nil
  ) -> DecodedLine {
    hasLineID = false
    let line = LineScanner.content(line)
    generation &+= 1
    if generation == 0 {
      present.update(repeating: 0, count: EventField.allCases.count)
      generation = 1
    }
    for (index, member) in members.enumerated() {
      memberIndex[member.field.rawValue] = Int32(truncatingIfNeeded: index)
      present[member.field.rawValue] = generation
    }
    let fields = Fields(
      tables: tables, members: members, memberIndex: memberIndex, present: present,
      generation: generation, line: line)
    let ts = parsedTS ?? fields.timestamp(.ts)
    do throws(MalformedField) {
      guard let ts else { throw fields.problem(.ts, "a valid RFC 3339 date-time") }
      guard fields.kind(.type) == .string else { throw fields.problem(.type, "a string") }
      let type = fields.eventType()
      if fields.has(.id) {
        guard fields.kind(.id) == .string else { throw fields.problem(.id, "a string") }
        fields.withString(.id) { keepLineID($0) }
        hasLineID = true
      }
      guard let type else { return .unknownType(ts: ts, type: try fields.requiredText(.type)) }
      let by = try fields.by(required: type.isDecision)
      let body = try fields.body(type)
      return .event(ts: ts, by: by, body: body)
    } catch {
      hasLineID = false
      return .malformed(reason: error.message, ts: ts ?? .missing)
    }
  }

  /// Field access for one decoded line.
  fileprivate struct Fields {
    // Lives only within one `decode` call, while the decoder holds the tables: no need to
    // count references on the hot path.
    unowned(unsafe) let tables: SymbolTables
    let members: UnsafeBufferPointer<ScannedMember>
    let memberIndex: UnsafeMutablePointer<Int32>
    let present: UnsafeMutablePointer<UInt32>
    let generation: UInt32
    let line: UnsafeRawBufferPointer

    func has(_ field: EventField) -> Bool { present[field.rawValue] == generation }

    /// The value of a member the line has (`has(field)`).
    @inline(__always)
    func value(_ field: EventField) -> JSONValue {
      members[Int(memberIndex[field.rawValue])].value
    }

    func kind(_ field: EventField) -> JSONValueKind? {
      has(field) ? value(field).kind : nil
    }

    func problem(_ field: EventField, _ expected: String) -> MalformedField {
      guard let kind = kind(field) else {
        return MalformedField(message: "missing field \"\(field.key)\"")
      }
      let value = self.value(field)
      var found = kind.noun
      if kind == .bigInteger { found = "an integer outside the 64-bit range" }
      if kind == .integer { found = String(value.integer) }
      if kind == .string {
        let text = withString(field) { String(decoding: $0, as: UTF8.self) }
        found = "\"\(text.prefix(40))\(text.count > 40 ? "…" : "")\""
      }
      return MalformedField(message: "field \"\(field.key)\" must be \(expected), found \(found)")
    }

    /// Calls `body` with the unescaped bytes of a string field.
    func withString<R>(_ field: EventField, _ body: (UnsafeRawBufferPointer) -> R) -> R {
      let value = self.value(field)
      let raw = value.bytes(in: line)
      guard value.escaped else { return body(raw) }
      var buffer: [UInt8] = []
      unescapeJSONString(raw, into: &buffer)
      return buffer.withUnsafeBytes(body)
    }

    /// The `type` (a string), as the reader matched it when it did.
    func eventType() -> EventType? {
      let value = self.value(.type)
      guard value.isWorkedAhead else { return withString(.type) { EventType.matching($0) } }
      return value.ahead == 0
        ? nil : EventType(rawValue: UInt8(truncatingIfNeeded: value.ahead - 1))
    }

    func timestamp(_ field: EventField) -> Timestamp? {
      guard kind(field) == .string else { return nil }
      return withString(field) { RFC3339.parse($0, verbatim: tables.texts) }
    }

    func requiredTimestamp(_ field: EventField) throws(MalformedField) -> Timestamp {
      guard let value = timestamp(field) else {
        throw problem(field, "a valid RFC 3339 date-time")
      }
      return value
    }

    func requiredText(_ field: EventField) throws(MalformedField) -> String {
      guard kind(field) == .string else { throw problem(field, "a string") }
      return withString(field) { String(decoding: $0, as: UTF8.self) }
    }

    /// The string of `field`, `text`, interned in `table`, with the hash the reader took when
    /// it took one.
    @inline(__always)
    func intern(_ field: EventField, _ text: UnsafeRawBufferPointer, in table: Interner) -> Symbol {
      let value = self.value(field)
      return value.isWorkedAhead ? table.intern(text, hash: value.ahead) : table.intern(text)
    }

    /// A required identifier: a non-empty string, interned in `table`.
    func identifier(_ field: EventField, in table: Interner) throws(MalformedField) -> Symbol {
      guard kind(field) == .string else { throw problem(field, "a non-empty string") }
      let symbol: Symbol? = withString(field) {
        $0.isEmpty ? nil : intern(field, $0, in: table)
      }
      guard let symbol else { throw problem(field, "a non-empty string") }
      return symbol
    }

    /// Free text: required, or `Symbol.none` when optional and absent.
    func text(_ field: EventField, required: Bool) throws(MalformedField) -> Symbol {
      guard has(field) else {
        if required { throw problem(field, "a string") }
        return .none
      }
      guard kind(field) == .string else { throw problem(field, "a string") }
      return withString(field) { intern(field, $0, in: tables.texts) }
    }

    func count(_ field: EventField, minimum: Int64) throws(MalformedField) -> Int64 {
      guard kind(field) == .integer, value(field).integer >= minimum else {
        throw problem(field, "an integer ≥ \(minimum)")
      }
      return value(field).integer
    }

    /// An optional count: -1 when absent.
    func optionalCount(_ field: EventField, minimum: Int64) throws(MalformedField) -> Int64 {
      has(field) ? try count(field, minimum: minimum) : -1
    }

    func choice<E: LogEnum>(_ field: EventField, _: E.Type) throws(MalformedField) -> E {
      guard kind(field) == .string, let value = withString(field, { E.named($0) }) else {
        throw problem(field, "one of \(E.spellings)")
      }
      return value
    }

    func optionalChoice<E: LogEnum>(_ field: EventField, _ type: E.Type) throws(MalformedField)
      -> E?
    {
      has(field) ? try choice(field, type) : nil
    }

    func by(required: Bool) throws(MalformedField) -> Symbol {
      guard has(.by) else {
        if required { throw problem(.by, "a non-empty string") }
        return .none
      }
      guard kind(.by) == .string else { throw problem(.by, "a string") }
      let symbol: Symbol? = withString(.by) {
        $0.isEmpty ? nil : intern(.by, $0, in: tables.texts)
      }
      guard let symbol else {
        if required { throw problem(.by, "a non-empty string") }
        return .none
      }
      return symbol
    }

    func body(_ type: EventType) throws(MalformedField) -> EventBody {
      switch type {
      case .facilityRegistered:
        return .facilityRegistered(
          FacilityRegistration(
            facility: try identifier(.facility, in: tables.facilities),
            name: try text(.name, required: true),
            region: try text(.region, required: true),
            side: try choice(.side, Side.self),
            security: try optionalChoice(.security, Security.self) ?? .high,
            capacity: try count(.capacity, minimum: 0),
            occupancy: try count(.occupancy, minimum: 0)))
      case .facilityUpdated:
        let update = FacilityUpdate(
          facility: try identifier(.facility, in: tables.facilities),
          capacity: try optionalCount(.capacity, minimum: 0),
          occupancy: try optionalCount(.occupancy, minimum: 0),
          status: try optionalChoice(.status, FacilityStatus.self))
        guard has(.capacity) || has(.occupancy) || has(.status) else {
          throw MalformedField(
            message:
              "facility.updated needs at least one of \"capacity\", \"occupancy\", \"status\"")
        }
        return .facilityUpdated(update)
      case .airliftRequested:
        let airlift = try identifier(.airlift, in: tables.airlifts)
        let origin = try identifier(.origin, in: tables.facilities)
        let destination = try identifier(.destination, in: tables.facilities)
        let detainees = try count(.detainees, minimum: 1)
        var highValue: Int64 = 0
        if has(.highValue) {
          highValue = try count(.highValue, minimum: 0)
          guard highValue <= detainees else {
            throw MalformedField(
              message: "field \"high_value\" (\(highValue)) is above \"detainees\" (\(detainees))")
          }
        }
        return .airliftRequested(
          AirliftRequest(
            airlift: airlift, origin: origin, destination: destination, detainees: detainees,
            highValue: highValue, etd: try requiredTimestamp(.etd),
            priority: try optionalChoice(.priority, Priority.self) ?? .routine,
            note: try text(.note, required: false)))
      case .airliftApproved:
        return .airliftApproved(
          airlift: try identifier(.airlift, in: tables.airlifts),
          note: try text(.note, required: false))
      case .airliftDenied:
        return .airliftDenied(
          airlift: try identifier(.airlift, in: tables.airlifts),
          reason: try text(.reason, required: true))
      case .airliftHeld:
        return .airliftHeld(
          airlift: try identifier(.airlift, in: tables.airlifts),
          reason: try text(.reason, required: true))
      case .airliftCancelled:
        return .airliftCancelled(
          airlift: try identifier(.airlift, in: tables.airlifts),
          reason: try text(.reason, required: true))
      case .airliftDiverted:
        return .airliftDiverted(
          airlift: try identifier(.airlift, in: tables.airlifts),
          destination: try identifier(.destination, in: tables.facilities),
          reason: try text(.reason, required: false))
      case .airliftDeparted:
        return .airliftDeparted(airlift: try identifier(.airlift, in: tables.airlifts))
      case .airliftLanded:
        return .airliftLanded(
          airlift: try identifier(.airlift, in: tables.airlifts),
          delivered: try optionalCount(.delivered, minimum: 0))
      case .detaineesRepatriated:
        // Read in the spec's field order, so the first bad field is the one reported.
        let facility = try identifier(.facility, in: tables.facilities)
        return .detaineesRepatriated(
          count: try count(.count, minimum: 1), facility: facility,
          country: try text(.country, required: true))
      case .incidentReported:
        return .incidentReported(
          IncidentReport(
            incident: try identifier(.incident, in: tables.incidents),
            sector: try identifier(.sector, in: tables.texts),
            severity: try choice(.severity, Severity.self),
            kind: try text(.kind, required: true),
            summary: try text(.summary, required: true),
            facility: has(.facility) ? try identifier(.facility, in: tables.facilities) : .none))
      case .incidentUpdated:
        let update = IncidentUpdate(
          incident: try identifier(.incident, in: tables.incidents),
          severity: try optionalChoice(.severity, Severity.self),
          summary: try text(.summary, required: false))
        guard has(.severity) || has(.summary) else {
          throw MalformedField(message: "incident.updated needs \"severity\" or \"summary\"")
        }
        return .incidentUpdated(update)
      case .incidentAcknowledged:
        return .incidentAcknowledged(incident: try identifier(.incident, in: tables.incidents))
      case .incidentResolved:
        return .incidentResolved(
          incident: try identifier(.incident, in: tables.incidents),
          note: try text(.note, required: false))
      }
    }
  }
}

/// Why a well-formed JSON line is not a valid event.
struct MalformedField: Error {
  var message: String
}
