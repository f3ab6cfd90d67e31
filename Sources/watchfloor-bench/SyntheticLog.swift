import WatchfloorFeed
import WatchfloorModel

/// A deterministic generator of a busy day's log: facilities on both sides of the border,
/// airlifts moving through their life cycle (high-value ones with two approvers, holds,
/// denials, cancellations, diversions, shortfalls), border incidents and repatriations,
/// every event with an `id` (unless the shape has none), timestamps with milliseconds and a
/// few out of order. The shape decides how ids and free text are spelled; the sequence of
/// events is the same for every shape.
struct SyntheticLog {
  private var random: SplitMix64
  private var ids: LogShapeIDs
  private var lines: [UInt8] = []
  private var eventNumber = 0
  private var milliseconds: Int64 = 1_768_975_200_000  // 2026-01-21T06:00:00Z
  private var active: [ActiveAirlift] = []
  private var openIncidents: [(id: Int, acknowledged: Bool)] = []
  private var nextAirlift = 0
  private var nextIncident = 0
  private let iraqi = 20
  private let syrian = 20
  private let officers = ["hassan", "layla", "karim", "noor", "sami", "huda", "omar", "rana"]

  private struct ActiveAirlift {
    var id: Int
    var highValue: Bool
    var stage: Int
    var held = false
  }

  init(seed: UInt64, shape: LogShape = .ordered) {
    random = SplitMix64(seed: seed)
    ids = LogShapeIDs(shape: shape, seed: seed)
  }

  /// The bytes of a log of exactly `count` events, one per line.
  static func make(events count: Int, seed: UInt64 = 2026, shape: LogShape = .ordered) -> [UInt8] {
    var generator = SyntheticLog(seed: seed, shape: shape)
    generator.lines.reserveCapacity(count * (shape == .longText ? 260 : 200))
    for index in 0..<(generator.iraqi + generator.syrian) where index < count {
      generator.registerFacility(index)
    }
    while generator.eventNumber < count { generator.step() }
    return generator.lines
  }

  private mutating func step() {
    let roll = random.next(1000)
    if roll < 120 || active.isEmpty {
      request()
    } else if roll < 880 {
      let index = Int(random.next(UInt64(active.count)))
      advance(index)
    } else if roll < 930 {
      incidentStep()
    } else if roll < 960 {
      emit(
        "detainees.repatriated",
        #""facility":"\#(facilityID(Int(random.next(UInt64(iraqi)))))","count":\#(1 + random.next(5)),"country":"FR""#
      )
    } else {
      emit(
        "facility.updated",
        #""facility":"\#(facilityID(Int(random.next(UInt64(iraqi)))))","occupancy":\#(3000 + random.next(3000))"#
      )
    }
  }

  private func facilityID(_ index: Int) -> String {
    index < iraqi ? "iq-\(index)" : "sy-\(index - iraqi)"
  }

  private mutating func registerFacility(_ index: Int) {
    let isIraqi = index < iraqi
    let capacity = isIraqi ? 2000 + random.next(3000) : 4000 + random.next(8000)
    emit(
      "facility.registered",
      #""facility":"\#(facilityID(index))","name":"Facility \#(index)","region":"Region \#(index % 7)","#
        + #""side":"\#(isIraqi ? "IQ" : "SY")","capacity":\#(capacity),"occupancy":\#(capacity * 2)"#
        + #","security":"\#(index % 3 == 0 ? "maximum" : "high")""#)
  }

  private mutating func request() {
    let id = nextAirlift
    nextAirlift += 1
    let highValue = random.next(4) == 0
    let detainees = 40 + random.next(160)
    let origin = facilityID(iraqi + Int(random.next(UInt64(syrian))))
    let destination = facilityID(Int(random.next(UInt64(iraqi))))
    emit(
      "airlift.requested",
      #""airlift":"\#(ids.airlift(id))","origin":"\#(origin)","destination":"\#(destination)","#
        + #""detainees":\#(detainees),"high_value":\#(highValue ? 1 + random.next(detainees / 4) : 0),"#
        + #""etd":"\#(timestamp(milliseconds + 3_600_000))","priority":"\#(random.next(5) == 0 ? "urgent" : "routine")","#
        + #""by":"liaison""#)
    active.append(ActiveAirlift(id: id, highValue: highValue, stage: 0))
  }

  /// Moves an active airlift one step along its life cycle.
  private mutating func advance(_ index: Int) {
    var airlift = active[index]
    let first = officers[Int(random.next(4))]
    let second = officers[4 + Int(random.next(4))]
    let member = #""airlift":"\#(ids.airlift(airlift.id))""#
    var finished = false
    switch airlift.stage {
    case 0:
      let roll = random.next(100)
      if roll < 3 {
        emit("airlift.denied", member + #","by":"\#(first)","reason":"destination over capacity""#)
        finished = true
      } else if roll < 6 && !airlift.held {
        emit("airlift.held", member + #","by":"\#(first)","reason":"awaiting escort""#)
        airlift.held = true
      } else {
        emit("airlift.approved", member + #","by":"\#(first)""# + note())
        airlift.stage = airlift.highValue ? 1 : 2
      }
    case 1:
      emit("airlift.approved", member + #","by":"\#(second)""#)
      airlift.stage = 2
    case 2:
      if random.next(100) < 2 {
        emit("airlift.cancelled", member + #","reason":"weather","by":"ops""#)
        finished = true
      } else {
        emit("airlift.departed", member)
        airlift.stage = 3
      }
    default:
      if random.next(100) < 3 {
        let destination = facilityID(Int(random.next(UInt64(iraqi))))
        emit("airlift.diverted", member + #","destination":"\#(destination)","reason":"load""#)
      } else {
        let shortfall = random.next(50) == 0 ? #","delivered":1"# : ""
        emit("airlift.landed", member + shortfall)
        finished = true
      }
    }
    if finished {
      active.swapAt(index, active.count - 1)
      active.removeLast()
    } else {
      active[index] = airlift
    }
  }

  private mutating func incidentStep() {
    if openIncidents.isEmpty || random.next(3) == 0 {
      let severities = ["info", "low", "medium", "high", "critical"]
      emit(
        "incident.reported",
        #""incident":"\#(ids.incident(nextIncident))","sector":"sector-\#(random.next(12))","#
          + #""severity":"\#(severities[Int(random.next(5))])","kind":"infiltration","#
          + #""summary":"\#(summary("Movement reported near the border crossing, patrol sent"))""#)
      openIncidents.append((nextIncident, false))
      nextIncident += 1
      return
    }
    let index = Int(random.next(UInt64(openIncidents.count)))
    let incident = openIncidents[index]
    if !incident.acknowledged {
      emit(
        "incident.acknowledged",
        #""incident":"\#(ids.incident(incident.id))","by":"\#(officers[Int(random.next(8))])""#)
      openIncidents[index].acknowledged = true
    } else if random.next(2) == 0 {
      emit(
        "incident.updated",
        #""incident":"\#(ids.incident(incident.id))","summary":"\#(summary("Patrol on site"))""#)
    } else {
      emit("incident.resolved", #""incident":"\#(ids.incident(incident.id))","by":"ops""#)
      openIncidents.swapAt(index, openIncidents.count - 1)
      openIncidents.removeLast()
    }
  }

  private mutating func emit(_ type: String, _ members: String) {
    milliseconds += Int64(40 + random.next(90))
    // About one event in a thousand arrives with a clock a few seconds behind.
    let skew: Int64 = random.next(1000) == 0 ? -5_000 : 0
    let id = ids.event(eventNumber).map { #""id":"\#($0)","# } ?? ""
    let line = #"{"ts":"\#(timestamp(milliseconds + skew))","type":"\#(type)",\#(id)\#(members)}"#
    lines.append(contentsOf: line.utf8)
    lines.append(0x0A)
    eventNumber += 1
  }

  /// A summary: the short one, or for the long-text shape one of a thousand texts of 300
  /// characters (operators reuse their phrasing, so free text repeats).
  private mutating func summary(_ short: String) -> String {
    guard ids.shape == .longText else { return short }
    return Self.longText(Int(random.next(1000)))
  }

  /// An approval's note: none, or for the long-text shape a text of 300 characters.
  private mutating func note() -> String {
    guard ids.shape == .longText else { return "" }
    return #","note":"\#(Self.longText(Int(random.next(1000))))""#
  }

  static func longText(_ variant: Int) -> String {
    let words = [
      "patrol", "escort", "convoy", "checkpoint", "runway", "weather", "sector", "crossing",
      "manifest", "medical", "fuel", "delay", "cleared", "observed", "reported", "confirmed",
    ]
    var mix = SplitMix64(seed: UInt64(variant) &+ 17)
    var text = "Variant \(variant):"
    while text.utf8.count < 300 { text += " " + words[Int(mix.next(UInt64(words.count)))] }
    return String(decoding: text.utf8.prefix(300), as: UTF8.self)
  }

  private func timestamp(_ milliseconds: Int64) -> String {
    let seconds = milliseconds / 1000
    let fraction = Int(milliseconds % 1000)
    let padded = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
    return RFC3339.civil(seconds) + ".\(padded)Z"
  }
}

extension SplitMix64 {
  /// A value in `0 ..< bound`.
  mutating func next(_ bound: UInt64) -> UInt64 { next() % bound }
}
