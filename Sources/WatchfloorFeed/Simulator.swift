import WatchfloorModel

/// A deterministic simulated feed that keeps a realistic airlift going on top of an existing
/// log.
///
/// It follows the log itself: every line of the file goes through `observe(_:)` into its own
/// `Timeline`, so it sees what other writers append (officers' approvals in the console) and
/// reacts to it. As simulated time advances, `advance(to:)` returns the complete event lines
/// that became due, each with a fresh `id` and its due time as `ts`:
///
/// - `airlift.requested` from an open Syrian site to an open Iraqi one (40 to 200 detainees,
///   some high-value only to maximum-security sites, an ETD one to four hours ahead, asked for
///   by a liaison never seen deciding), while fewer than `maxAwaitingDecision` airlifts wait;
/// - `airlift.departed` some minutes after an airlift is approved (held on the ground while its
///   origin or destination is not open), `airlift.landed` one to three hours later, rarely with
///   a shortfall that the destination's duty desk reports as a headcount incident;
/// - when a Syrian site runs short of detainees to send, an intake from other sites in the
///   north-east (a `facility.updated` raising its occupancy), so the airlift can go on for days;
/// - `incident.reported` in the Anbar and Nineveh border sectors, rarely critical; now and then
///   an `incident.updated` (a raised severity clears the acknowledgement), and the reporting
///   unit closing (`incident.resolved`) an incident officers acknowledged an hour or more ago;
/// - occasionally `detainees.repatriated` from an Iraqi facility, and rarely a
///   `facility.updated` occupancy correction.
///
/// It never approves, denies, holds or acknowledges: officers do. What it emits folds without
/// malformed lines or anomalies on the log it has seen, since each event is checked against the
/// state first and folded into it at once.
///
/// Deterministic: the same seed, log lines and calls give the same lines. No clock is read:
/// time comes from `advance(to:)` only. Not thread-safe.
public final class Simulator {
  public let seed: UInt64
  public let rates: SimulationRates
  /// The log as the simulator has seen it, its own lines included.
  public private(set) var timeline = Timeline()
  /// The simulated time reached; missing until the first `advance(to:)`.
  public private(set) var now = Timestamp.missing

  var random: SplitMix64
  private var source = 0
  private var lineNumber = 0
  /// Lines emitted and not yet read back from the file, oldest first from `echoHead`.
  private var echoes: [String] = []
  private var echoHead = 0
  /// Every event id seen in the log (and some strings that only look like one).
  private let eventIDs = Interner()
  /// The last number used for event, airlift and incident ids, by `MMDD`.
  private var eventNumbers: [String: Int] = [:]
  private var airliftNumbers: [String: Int] = [:]
  private var incidentNumbers: [String: Int] = [:]
  /// Everyone the log shows deciding (approving, denying, holding, acknowledging).
  private(set) var deciders: Set<String> = []
  /// Due times, in seconds since 1970, of departures and landings by airlift, and of each
  /// recurring kind of event.
  private var departures: [Symbol: Int64] = [:]
  private var landings: [Symbol: Int64] = [:]
  private var recurring: [Recurring: Int64] = [:]
  /// The lines emitted by the current `advance(to:)`.
  private var emitted: [String] = []

  /// The recurring kinds of event, in the order they run when due at the same time.
  enum Recurring: Int, CaseIterable, Comparable {
    case request, incident, incidentUpdate, incidentResolve, repatriation, correction, intake

    static func < (lhs: Recurring, rhs: Recurring) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// Something due: a departure, a landing or a recurring event.
  enum Job: Equatable {
    case landing(Symbol)
    case departure(Symbol)
    case recurring(Recurring)
  }

  public init(seed: UInt64, rates: SimulationRates = .standard) {
    self.seed = seed
    self.rates = rates
    random = SplitMix64(seed: seed)
    source = timeline.addSource("log")
  }

  // MARK: Following the log

  /// Reads one line of the log (without its `\n`). A line this simulator emitted is
  /// recognised when it comes back from the file, in order, and skipped, since it was folded
  /// when it was emitted: then the result is nil. Otherwise the line is folded and its
  /// classification returned; approvals and departures schedule what follows them.
  @discardableResult
  public func observe(_ line: UnsafeRawBufferPointer) -> LineVerdict? {
    if echoHead < echoes.count, echoes[echoHead].utf8.elementsEqual(line) {
      echoHead += 1
      if echoHead == echoes.count {
        echoes.removeAll(keepingCapacity: true)
        echoHead = 0
      } else if echoHead >= 256 && echoHead * 2 >= echoes.count {
        echoes.removeFirst(echoHead)
        echoHead = 0
      }
      return nil
    }
    return ingest(line)
  }

  @discardableResult
  public func observe(_ line: String) -> LineVerdict? {
    var line = line
    return line.withUTF8 { observe(UnsafeRawBufferPointer($0)) }
  }

  /// Forgets the log (it was truncated or replaced: its lines will be observed again from the
  /// start). The simulated time, the random sequence and the recurring events carry on.
  public func reset() {
    timeline = Timeline()
    source = timeline.addSource("log")
    lineNumber = 0
    echoes.removeAll()
    echoHead = 0
    departures.removeAll()
    landings.removeAll()
  }

  private func ingest(_ line: UnsafeRawBufferPointer) -> LineVerdict {
    noteEventIDs(in: line)
    lineNumber += 1
    let verdict = timeline.ingest(line, lineNumber: lineNumber, source: source)
    switch verdict {
    case .applied: consider(timeline[timeline.count - 1], applied: true)
    case .anomaly: consider(timeline[timeline.count - 1], applied: false)
    default: break
    }
    return verdict
  }

  /// Notes who decides, and schedules departures and landings after an airlift's status
  /// changed.
  private func consider(_ record: LogRecord, applied: Bool) {
    if let type = record.body.type, type.isDecision, !record.by.isNone {
      deciders.insert(timeline.tables.text(record.by))
    }
    guard applied, let airlift = record.body.airlift else { return }
    reschedule(airlift, ts: record.ts)
  }

  private func reschedule(_ symbol: Symbol, ts: Timestamp) {
    guard let airlift = timeline.current.airlift(symbol) else { return }
    // Before the simulation starts (the history), delays count from the event's own time;
    // then from the moment the simulator sees it.
    let base = now.isMissing ? (ts.isMissing ? 0 : ts.seconds) : now.seconds
    switch airlift.status {
    case .approved:
      landings[symbol] = nil
      if departures[symbol] == nil {
        departures[symbol] = base + Int64(random.int(in: rates.departureDelay))
      }
    case .inFlight:
      departures[symbol] = nil
      if landings[symbol] == nil {
        landings[symbol] = base + Int64(random.int(in: rates.flightTime))
      }
    default:
      departures[symbol] = nil
      landings[symbol] = nil
    }
  }

  // MARK: Advancing

  /// The time of the next event due, or nil before the simulation starts.
  public var nextEventTime: Timestamp? {
    nextJob().map { Timestamp(seconds: $0.due, style: Timestamp.Style.zulu) }
  }

  /// Advances simulated time to `time` and returns the lines that became due on the way, in
  /// order, each without its `\n`, their `ts` the time each was due (after the previous call's
  /// time, at or before `time`). They are folded already: append them to the log, and when they
  /// are read back, `observe(_:)` skips them.
  ///
  /// The first call starts the simulation at `time` and returns nothing: airlifts the history
  /// left approved or in flight depart and land a few minutes after it at the earliest. A time
  /// not after the last one returns nothing.
  public func advance(to time: Timestamp) -> [String] {
    guard !time.isMissing else { return [] }
    guard !now.isMissing else {
      start(at: time)
      return []
    }
    guard now < time else { return [] }
    emitted = []
    while let job = nextJob(), job.due <= time.seconds {
      now = Timestamp(seconds: job.due, style: Timestamp.Style.zulu)
      perform(job.job)
    }
    now = time
    let lines = emitted
    emitted = []
    return lines
  }

  private func start(at time: Timestamp) {
    now = time
    let start = time.seconds
    for kind in Recurring.allCases {
      let mean = seconds(interval(of: kind))
      recurring[kind] = start + Int64(random.int(in: max(1, mean / 4)...max(1, mean)))
    }
    // What the history left due before the start happens soon after it, in airlift order.
    for symbol in departures.keys.sorted() where departures[symbol, default: 0] <= start {
      departures[symbol] = start + Int64(random.int(in: 60...8 * 60))
    }
    for symbol in landings.keys.sorted() where landings[symbol, default: 0] <= start {
      landings[symbol] = start + Int64(random.int(in: 5 * 60...30 * 60))
    }
  }

  /// The earliest job; ties go to landings, then departures (each in airlift order), then the
  /// recurring events in their order.
  private func nextJob() -> (job: Job, due: Int64)? {
    guard !now.isMissing else { return nil }
    var best: (job: Job, due: Int64, rank: (Int, UInt32))?
    func offer(_ job: Job, _ due: Int64, _ rank: (Int, UInt32)) {
      if let current = best, current.due < due || (current.due == due && current.rank <= rank) {
        return
      }
      best = (job, due, rank)
    }
    for (symbol, due) in landings { offer(.landing(symbol), due, (0, symbol.rawValue)) }
    for (symbol, due) in departures { offer(.departure(symbol), due, (1, symbol.rawValue)) }
    for (kind, due) in recurring { offer(.recurring(kind), due, (2, UInt32(kind.rawValue))) }
    return best.map { ($0.job, $0.due) }
  }

  private func perform(_ job: Job) {
    switch job {
    case .landing(let airlift):
      landings[airlift] = nil
      land(airlift)
    case .departure(let airlift):
      departures[airlift] = nil
      depart(airlift)
    case .recurring(let kind):
      let mean = seconds(interval(of: kind))
      recurring[kind] = now.seconds + Int64(random.int(in: max(1, mean / 2)...max(1, mean * 3 / 2)))
      switch kind {
      case .request: requestAirlift()
      case .incident: reportIncident()
      case .incidentUpdate: updateIncident()
      case .incidentResolve: resolveIncident()
      case .repatriation: repatriate()
      case .correction: correctOccupancy()
      case .intake: takeIn()
      }
    }
  }

  private func interval(of kind: Recurring) -> Duration {
    switch kind {
    case .request: rates.requestInterval
    case .incident: rates.incidentInterval
    case .incidentUpdate: rates.incidentUpdateInterval
    case .incidentResolve: rates.incidentResolveInterval
    case .repatriation: rates.repatriationInterval
    case .correction: rates.correctionInterval
    case .intake: rates.intakeInterval
    }
  }

  func seconds(_ duration: Duration) -> Int { Int(duration.components.seconds) }

  /// Postpones a departure (its origin or destination is not open).
  func holdOnGround(_ airlift: Symbol) {
    departures[airlift] = now.seconds + Int64(max(1, rates.groundHold))
  }

  // MARK: Emitting

  /// Starts a line of type `type` at the current time, with a fresh event id.
  func line(_ type: EventType) -> EventLine {
    EventLine(id: nextEventID(), ts: now, type: type)
  }

  /// Folds a finished line into the timeline and adds it to this call's output.
  func emit(_ line: EventLine) {
    let text = line.line
    emitted.append(text)
    echoes.append(text)
    var bytes = text
    _ = bytes.withUTF8 { ingest(UnsafeRawBufferPointer($0)) }
  }

  // MARK: Identifiers

  /// `MMDD` of the current simulated day (UTC).
  private var monthDay: String {
    let civil = Array(RFC3339.civil(now.seconds).utf8)
    return String(decoding: civil[5...6] + civil[8...9], as: UTF8.self)
  }

  private func nextEventID() -> String {
    let day = monthDay
    var number = eventNumbers[day, default: 0]
    var id: String
    repeat {
      number += 1
      id = "ev-\(day)-\(Self.padded(number, 4))"
    } while eventIDs.lookup(id) != nil
    eventNumbers[day] = number
    return id
  }

  /// A new airlift id, `AL-MMDD-NN`, that the log never named.
  func nextAirliftID() -> String {
    nextIdentifier("AL", table: timeline.tables.airlifts, numbers: &airliftNumbers)
  }

  /// A new incident id, `INC-MMDD-NN`, that the log never named.
  func nextIncidentID() -> String {
    nextIdentifier("INC", table: timeline.tables.incidents, numbers: &incidentNumbers)
  }

  private func nextIdentifier(
    _ prefix: String, table: Interner, numbers: inout [String: Int]
  ) -> String {
    let day = monthDay
    var number = numbers[day, default: 0]
    var id: String
    repeat {
      number += 1
      id = "\(prefix)-\(day)-\(Self.padded(number, 2))"
    } while table.lookup(id) != nil
    numbers[day] = number
    return id
  }

  static func padded(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  /// Remembers every string value of a member named `id` in the line: the event's id, and
  /// possibly ids of nested objects, which only makes the simulator skip a number. In valid
  /// JSON an unescaped `"id"` followed by a colon can only be a member name.
  private func noteEventIDs(in line: UnsafeRawBufferPointer) {
    let count = line.count
    var index = 0
    while index + 4 < count {
      guard line[index] == 0x22, line[index + 1] == 0x69, line[index + 2] == 0x64,
        line[index + 3] == 0x22
      else {
        index += 1
        continue
      }
      var cursor = index + 4
      while cursor < count, line[cursor] == 0x20 || line[cursor] == 0x09 { cursor += 1 }
      guard cursor < count, line[cursor] == 0x3A else {
        index += 4
        continue
      }
      cursor += 1
      while cursor < count, line[cursor] == 0x20 || line[cursor] == 0x09 { cursor += 1 }
      guard cursor < count, line[cursor] == 0x22 else {
        index = cursor
        continue
      }
      let start = cursor + 1
      var end = start
      while end < count, line[end] != 0x22 { end += line[end] == 0x5C ? 2 : 1 }
      guard end <= count else { return }
      _ = eventIDs.intern(UnsafeRawBufferPointer(rebasing: line[start..<end]))
      index = end + 1
    }
  }
}
