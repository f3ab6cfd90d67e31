import WatchfloorFeed
import WatchfloorModel

/// A deterministic generator of a busy day's log: facilities on both sides of the border,
/// airlifts moving through their life cycle (high-value ones with two approvers, holds,
/// denials, cancellations, diversions, shortfalls), border incidents and repatriations,
/// every event with an `id`, timestamps with milliseconds and a few out of order.
struct SyntheticLog {
  private var random: SplitMix64
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

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  /// The bytes of a log of exactly `count` events, one per line.
  static func make(events count: Int, seed: UInt64 = 2026) -> [UInt8] {
    var generator = SyntheticLog(seed: seed)
    generator.lines.reserveCapacity(count * 190)
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
      #""airlift":"AL-\#(id)","origin":"\#(origin)","destination":"\#(destination)","#
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
    let member = #""airlift":"AL-\#(airlift.id)""#
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
        emit("airlift.approved", member + #","by":"\#(first)""#)
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
        #""incident":"INC-\#(nextIncident)","sector":"sector-\#(random.next(12))","#
          + #""severity":"\#(severities[Int(random.next(5))])","kind":"infiltration","#
          + #""summary":"Movement reported near the border crossing, patrol sent""#)
      openIncidents.append((nextIncident, false))
      nextIncident += 1
      return
    }
    let index = Int(random.next(UInt64(openIncidents.count)))
    let incident = openIncidents[index]
    if !incident.acknowledged {
      emit(
        "incident.acknowledged",
        #""incident":"INC-\#(incident.id)","by":"\#(officers[Int(random.next(8))])""#)
      openIncidents[index].acknowledged = true
    } else if random.next(2) == 0 {
      emit("incident.updated", #""incident":"INC-\#(incident.id)","summary":"Patrol on site""#)
    } else {
      emit("incident.resolved", #""incident":"INC-\#(incident.id)","by":"ops""#)
      openIncidents.swapAt(index, openIncidents.count - 1)
      openIncidents.removeLast()
    }
  }

  private mutating func emit(_ type: String, _ members: String) {
    milliseconds += Int64(40 + random.next(90))
    // About one event in a thousand arrives with a clock a few seconds behind.
    let skew: Int64 = random.next(1000) == 0 ? -5_000 : 0
    let line =
      #"{"ts":"\#(timestamp(milliseconds + skew))","type":"\#(type)","id":"ev-\#(eventNumber)",\#(members)}"#
    lines.append(contentsOf: line.utf8)
    lines.append(0x0A)
    eventNumber += 1
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
