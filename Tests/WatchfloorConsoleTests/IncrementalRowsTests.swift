import Foundation
import Testing
import WatchfloorModel

@testable import WatchfloorConsole

/// A small seeded generator for the random floors (the same every run).
private struct Dice {
  var state: UInt64
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(max(1, bound)))
  }
}

/// The panes' orders as a fresh full sort of the state, written as the specification says:
/// what the kept lists must equal at every moment.
private enum FullSort {
  static func airlifts(_ model: ConsoleModel) -> [Symbol] {
    let filter = (model.panes.airlifts.filter ?? "").lowercased()
    let rows = model.state.activeAirlifts.compactMap { model.state.airlift($0) }.filter {
      filter.isEmpty || model.airliftSearchText($0).contains(filter)
    }
    let order = model.airliftOrder
    let tables = model.tables
    func primary(_ airlift: Airlift) -> [Int] {
      order == .urgency
        ? [
          ConsoleModel.airliftGroup(airlift), model.isOverdue(airlift) ? 0 : 1,
          ConsoleModel.urgencyRank(airlift),
        ] : []
    }
    return rows.sorted { left, right in
      let l = primary(left)
      let r = primary(right)
      if l != r { return l.lexicographicallyPrecedes(r) }
      if order == .destination {
        let l = tables.facility(left.destination)
        let r = tables.facility(right.destination)
        if l != r { return l.utf8.lexicographicallyPrecedes(r.utf8) }
      }
      if order == .detainees && left.detainees != right.detainees {
        return left.detainees > right.detainees
      }
      if left.plan.etd != right.plan.etd { return left.plan.etd < right.plan.etd }
      return tables.airlifts.precedes(left.id, right.id)
    }.map(\.id)
  }

  static func incidents(_ model: ConsoleModel) -> [Symbol] {
    let filter = (model.panes.incidents.filter ?? "").lowercased()
    let tables = model.tables
    return model.state.unresolvedIncidents.compactMap { symbol in
      model.state.incidents[symbol].map { (symbol: symbol, incident: $0) }
    }.filter { row in
      filter.isEmpty
        || [
          tables.incident(row.symbol), tables.text(row.incident.sector),
          tables.text(row.incident.kind), tables.text(row.incident.summary),
          row.incident.severity.name,
        ].joined(separator: " ").lowercased().contains(filter)
    }.sorted { left, right in
      let l = left.incident
      let r = right.incident
      if (l.status == .open) != (r.status == .open) { return l.status == .open }
      if l.severity != r.severity { return l.severity > r.severity }
      if l.reportedAt != r.reportedAt { return l.reportedAt > r.reportedAt }
      return tables.incidents.precedes(left.symbol, right.symbol)
    }.map(\.symbol)
  }

  static func alerts(_ model: ConsoleModel) -> [Symbol] {
    let tables = model.tables
    return model.state.unresolvedIncidents.compactMap { symbol in
      model.state.incidents[symbol].flatMap { incident in
        incident.status == .open && incident.severity >= .high
          ? (symbol: symbol, incident: incident) : nil
      }
    }.sorted { left, right in
      let l = left.incident
      let r = right.incident
      if l.severity != r.severity { return l.severity > r.severity }
      if l.reportedAt != r.reportedAt { return l.reportedAt < r.reportedAt }
      return tables.incidents.precedes(left.symbol, right.symbol)
    }.map(\.symbol)
  }
}

/// A floor that grows by random events: airlifts requested (ETDs around the clock, some
/// urgent), decided, departed, landed, diverted; incidents reported, acknowledged,
/// raised, resolved.
private struct RandomFloor {
  var dice: Dice
  var second: Int64 = 1_768_975_200
  var airlifts = 0
  var incidents = 0

  init(seed: UInt64) { dice = Dice(state: seed) }

  static let facilities = (0..<6).map { index in
    #"{"ts":"2026-01-21T00:00:0\#(index)Z","type":"facility.registered","facility":"\#(index < 4 ? "iq" : "sy")-\#(index)","name":"Facility \#(index)","region":"Region \#(index % 3)","side":"\#(index < 4 ? "IQ" : "SY")","capacity":5000,"occupancy":1000}"#
  }

  mutating func ts() -> String {
    second += Int64(1 + dice.next(90))
    return RFC3339.civil(second) + "Z"
  }

  mutating func line() -> String {
    let airlift = "AL-\(dice.next(max(1, airlifts)))"
    let incident = "INC-\(dice.next(max(1, incidents)))"
    let severities = ["info", "low", "medium", "high", "critical"]
    switch dice.next(14) {
    case 0, 1, 2:
      airlifts += 1
      // ETDs on whole minutes, many alike, from two hours before the events to a day after.
      let etd = RFC3339.civil(second - 7200 + Int64(dice.next(26 * 60)) * 60) + "Z"
      return
        #"{"ts":"\#(ts())","type":"airlift.requested","airlift":"AL-\#(airlifts - 1)","origin":"sy-\#(4 + dice.next(2))","destination":"iq-\#(dice.next(4))","detainees":\#(10 + dice.next(5) * 10),"high_value":\#(dice.next(3) == 0 ? 2 : 0),"etd":"\#(etd)","priority":"\#(dice.next(4) == 0 ? "urgent" : "routine")","by":"liaison"}"#
    case 3, 4:
      return
        #"{"ts":"\#(ts())","type":"airlift.approved","airlift":"\#(airlift)","by":"\#(dice.next(2) == 0 ? "hassan" : "layla")"}"#
    case 5:
      return
        #"{"ts":"\#(ts())","type":"airlift.held","airlift":"\#(airlift)","by":"noor","reason":"escort"}"#
    case 6: return #"{"ts":"\#(ts())","type":"airlift.departed","airlift":"\#(airlift)"}"#
    case 7: return #"{"ts":"\#(ts())","type":"airlift.landed","airlift":"\#(airlift)"}"#
    case 8:
      return
        #"{"ts":"\#(ts())","type":"airlift.diverted","airlift":"\#(airlift)","destination":"iq-\#(dice.next(4))","reason":"load","by":"layla"}"#
    case 9, 10:
      incidents += 1
      return
        #"{"ts":"\#(ts())","type":"incident.reported","incident":"INC-\#(incidents - 1)","sector":"sector-\#(dice.next(5))","severity":"\#(severities[dice.next(5)])","kind":"infiltration","summary":"Movement near post \#(dice.next(50))"}"#
    case 11:
      return
        #"{"ts":"\#(ts())","type":"incident.acknowledged","incident":"\#(incident)","by":"karim"}"#
    case 12:
      return
        #"{"ts":"\#(ts())","type":"incident.updated","incident":"\#(incident)","severity":"\#(severities[dice.next(5)])","by":"border-ops"}"#
    default:
      return #"{"ts":"\#(ts())","type":"incident.resolved","incident":"\#(incident)","by":"karim"}"#
    }
  }
}

@Suite("The panes' lists are kept in order, not sorted every frame")
struct IncrementalRowsTests {
  @Test(
    "after random events, clock ticks, keys, orders and filters, each kept list equals a fresh full sort",
    arguments: [UInt64(1), 2, 3])
  func keptEqualsFullSort(seed: UInt64) throws {
    var floor = RandomFloor(seed: seed)
    let timeline = Timeline()
    ingest(RandomFloor.facilities, into: timeline)
    var model = ConsoleSetup(
      timeline: timeline, position: .following, size: (120, 40),
      now: Timestamp(seconds: floor.second),
      identity: OfficerIdentity(name: "hassan", role: .approver, roster: .open), source: "test"
    ).makeModel()
    var dice = Dice(state: seed &* 7919)
    var clock = 0.0
    var lineNumber = RandomFloor.facilities.count
    for step in 0..<600 {
      switch dice.next(10) {
      case 0, 1, 2, 3:
        // A batch of lines: a few (moved one by one) or many (merged in one pass).
        let count = dice.next(4) == 0 ? 20 + dice.next(60) : 1 + dice.next(6)
        for _ in 0..<count {
          lineNumber += 1
          var line = floor.line()
          _ = line.withUTF8 {
            timeline.ingest(UnsafeRawBufferPointer($0), lineNumber: lineNumber, source: 0)
          }
        }
        _ = model.update(.logAdvanced(at: model.now))
      case 4, 5:
        // The clock: mostly on, by seconds to hours; sometimes back.
        let delta = dice.next(5) == 0 ? -Int64(dice.next(7200)) : Int64(dice.next(5400))
        _ = model.update(.tick(Timestamp(seconds: model.now.seconds + delta)))
      case 6:
        clock += 0.5 + Double(dice.next(4))
        _ = model.update(.frame(clock))
        let keys: [Key] = [.character("j"), .character("k"), .pageDown, .end, .home, .tab]
        model.press(keys[dice.next(keys.count)])
      case 7:
        model.press(.character("s"))
      case 8:
        let filters = [nil, "urg", "overdue", "iq-1", "noor", "crit", "sector-2", "acked"]
        let pane: Pane = dice.next(2) == 0 ? .airlifts : .incidents
        model.panes[pane].filter = filters[dice.next(filters.count)]
      default:
        _ = model.view()
      }
      #expect(
        model.liveAirliftSymbols() == FullSort.airlifts(model),
        "airlifts differ at step \(step) (seed \(seed))")
      #expect(
        model.liveIncidentSymbols() == FullSort.incidents(model),
        "incidents differ at step \(step) (seed \(seed))")
      #expect(
        model.alertSymbols() == FullSort.alerts(model),
        "alerts differ at step \(step) (seed \(seed))")
    }
  }

  /// A floor of `count` airlifts waiting and as many open incidents.
  private func bigFloor(_ count: Int) -> (ConsoleModel, RandomFloor) {
    var floor = RandomFloor(seed: 99)
    let timeline = Timeline()
    var lines = RandomFloor.facilities
    for index in 0..<count {
      let etd = RFC3339.civil(floor.second - 7200 + Int64(index % 1440) * 60) + "Z"
      lines.append(
        #"{"ts":"\#(floor.ts())","type":"airlift.requested","airlift":"AL-\#(index)","origin":"sy-4","destination":"iq-\#(index % 4)","detainees":20,"etd":"\#(etd)","priority":"\#(index % 5 == 0 ? "urgent" : "routine")","by":"liaison"}"#
      )
      lines.append(
        #"{"ts":"\#(floor.ts())","type":"incident.reported","incident":"INC-\#(index)","sector":"sector-\#(index % 7)","severity":"\#(["low", "high", "critical"][index % 3])","kind":"fence","summary":"Movement near post \#(index)"}"#
      )
    }
    floor.airlifts = count
    floor.incidents = count
    ingest(lines, into: timeline)
    let model = ConsoleSetup(
      timeline: timeline, position: .following, size: (200, 50),
      now: Timestamp(seconds: floor.second),
      identity: OfficerIdentity(name: "hassan", role: .approver, roster: .open), source: "test"
    ).makeModel()
    return (model, floor)
  }

  @Test(
    "on a big floor a key or a tick with nothing new sorts nothing and compares only to find its place"
  )
  func keysDoNoSorting() throws {
    let count = 20_000
    var (model, _) = bigFloor(count)
    _ = model.update(.frame(1))
    _ = model.view()
    let rebuilds = model.rowCache.rebuilds
    // A binary search over 20,000 rows takes 15 comparisons; a sort, about 280,000.
    let search = 15
    var clock = 1.0
    for key: Key in [
      .character("j"), .pageDown, .end, .character("k"), .tab, .character("j"), .pageDown,
      .tab, .character("j"), .home, .tab,
    ] {
      let before = model.rowCache.comparisons
      clock += 0.1
      _ = model.update(.frame(clock))
      model.press(key)
      _ = model.view()
      let used = model.rowCache.comparisons - before
      #expect(used <= 40 * search, "\(key) made \(used) comparisons")
    }
    // The clock ticks over ETDs: the airlifts it makes overdue move, nothing is sorted.
    for _ in 0..<5 {
      let before = model.rowCache.comparisons
      _ = model.update(.tick(Timestamp(seconds: model.now.seconds + 60)))
      _ = model.view()
      let used = model.rowCache.comparisons - before
      #expect(used <= 300 * search, "a tick made \(used) comparisons")
    }
    #expect(model.rowCache.rebuilds == rebuilds)
    #expect(model.liveAirliftSymbols() == FullSort.airlifts(model))
  }

  @Test("on a big floor a new line moves its row into place without sorting")
  func newLinesMoveRows() throws {
    var (model, floor) = bigFloor(20_000)
    _ = model.view()
    let rebuilds = model.rowCache.rebuilds
    var lineNumber = 100_000
    for _ in 0..<20 {
      let before = model.rowCache.comparisons
      lineNumber += 1
      var line = floor.line()
      _ = line.withUTF8 {
        model.timeline.ingest(UnsafeRawBufferPointer($0), lineNumber: lineNumber, source: 0)
      }
      _ = model.update(.logAdvanced(at: model.now))
      _ = model.view()
      let used = model.rowCache.comparisons - before
      #expect(used <= 60 * 15, "a line made \(used) comparisons")
    }
    #expect(model.rowCache.rebuilds == rebuilds)
    #expect(model.liveAirliftSymbols() == FullSort.airlifts(model))
    #expect(model.liveIncidentSymbols() == FullSort.incidents(model))
    #expect(model.alertSymbols() == FullSort.alerts(model))
  }

  @Test("on a big floor the title counts every row and End reaches the last")
  func bigFloorEnds() throws {
    var (model, _) = bigFloor(20_000)
    #expect(model.view().lines().contains { $0.contains("Airlifts (20,000) by urgency") })
    #expect(model.airliftRows().count == 20_000)
    model.press(.end)
    #expect(model.selectedAirlift == model.liveAirliftSymbols().last)
    #expect(model.view().lines().contains { $0.contains("↑ 19,9") || $0.contains("more") })
  }
}

@Suite("The state's change journal")
struct ChangeJournalTests {
  @Test("names what changed since an earlier state, and nothing for another lineage")
  func changesSince() throws {
    let timeline = Timeline()
    ingest(RandomFloor.facilities, into: timeline)
    let earlier = timeline.current
    var floor = RandomFloor(seed: 5)
    ingest((0..<30).map { _ in floor.line() }, into: timeline)
    let later = timeline.current
    let changes = try #require(later.changes.changes(since: earlier.changes.revision))
    #expect(changes.count == later.counts.applied - earlier.counts.applied)
    #expect(later.changes.changes(since: later.changes.revision)?.isEmpty == true)
    #expect(earlier.changes.changes(since: later.changes.revision) == nil)
    #expect(OpsState().changes.changes(since: later.changes.revision) == nil)
  }
}
