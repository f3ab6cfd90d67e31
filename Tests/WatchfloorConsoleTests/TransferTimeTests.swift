import Foundation
import Testing
import WatchfloorConsole
import WatchfloorModel

/// Time on transfers: ETD with its date off the clock's day, OVERDUE once past it without a
/// departure (first in its group), time airborne in flight, AGE while waiting for a decision,
/// and the sort orders of `s`. On a hand-made log, the clock at 26 Jan 12:00 UTC.
@Suite("Time on transfers")
struct TransferTimeTests {
  static let lines = [
    #"{"ts":"2026-01-26T06:00:00Z","type":"facility.registered","facility":"hol","name":"Hol","region":"Hasakah","side":"SY","capacity":1000,"occupancy":900}"#,
    #"{"ts":"2026-01-26T06:00:00Z","type":"facility.registered","facility":"karkh","name":"Karkh","region":"Baghdad","side":"IQ","capacity":3000,"occupancy":1000}"#,
    #"{"ts":"2026-01-26T06:00:00Z","type":"facility.registered","facility":"nasiriyah","name":"Nasiriyah","region":"Dhi Qar","side":"IQ","capacity":4000,"occupancy":1000}"#,
    // Tomorrow's: its date shows.
    #"{"ts":"2026-01-26T09:00:00Z","type":"airlift.requested","airlift":"AL-TOMORROW","origin":"hol","destination":"karkh","detainees":40,"etd":"2026-01-27T08:00:00Z","by":"omar"}"#,
    // Its ETD passed two hours ago: overdue, and first among the pending.
    #"{"ts":"2026-01-26T07:00:00Z","type":"airlift.requested","airlift":"AL-LATE","origin":"hol","destination":"nasiriyah","detainees":60,"etd":"2026-01-26T10:00:00Z","by":"omar"}"#,
    #"{"ts":"2026-01-26T11:00:00Z","type":"airlift.requested","airlift":"AL-URGENT","origin":"hol","destination":"karkh","detainees":90,"etd":"2026-01-26T14:00:00Z","priority":"urgent","by":"omar"}"#,
    // Approved, 30 minutes past its ETD and not departed.
    #"{"ts":"2026-01-26T08:00:00Z","type":"airlift.requested","airlift":"AL-WAITING","origin":"hol","destination":"nasiriyah","detainees":20,"etd":"2026-01-26T11:30:00Z","by":"omar"}"#,
    #"{"ts":"2026-01-26T08:30:00Z","type":"airlift.approved","airlift":"AL-WAITING","by":"noor"}"#,
    // In the air since 10:45, requested the day before.
    #"{"ts":"2026-01-25T08:00:00Z","type":"airlift.requested","airlift":"AL-AIRBORNE","origin":"hol","destination":"karkh","detainees":150,"etd":"2026-01-26T10:30:00Z","by":"omar"}"#,
    #"{"ts":"2026-01-25T09:00:00Z","type":"airlift.approved","airlift":"AL-AIRBORNE","by":"noor"}"#,
    #"{"ts":"2026-01-26T10:45:00Z","type":"airlift.departed","airlift":"AL-AIRBORNE"}"#,
  ]

  func console(now: String = "2026-01-26T12:00:00Z", zone: DisplayZone = .utc) -> ConsoleModel {
    let timeline = Timeline()
    ingest(Self.lines, into: timeline)
    return ConsoleSetup(
      timeline: timeline, position: .following, size: (120, 40),
      now: time(now, timeline.tables),
      identity: OfficerIdentity(name: "hassan", role: .approver, roster: .open), zone: zone,
      source: "transfers"
    ).makeModel()
  }

  func order(_ model: ConsoleModel) -> [String] {
    model.airliftRows().map { model.tables.airlift($0.id) }
  }

  func line(_ id: String, _ model: ConsoleModel) -> String {
    model.screen.first { $0.contains(id) } ?? ""
  }

  @Test("the ETD shows its date when it is not on the clock's day")
  func etdDate() {
    let model = console()
    #expect(line("AL-TOMORROW", model).contains("AL-TOMORROW 27 Jan 08:00"))
    #expect(line("AL-URGENT", model).contains("AL-URGENT   14:00 "))
  }

  @Test("past its ETD and not departed: OVERDUE in the danger role, first in its group")
  func overdue() throws {
    let model = console()
    #expect(line("AL-LATE", model).contains("AL-LATE     OVERDUE 2h"))
    #expect(line("AL-WAITING", model).contains("OVERDUE 30m"))
    #expect(!line("AL-AIRBORNE", model).contains("OVERDUE"))
    #expect(order(model) == ["AL-LATE", "AL-URGENT", "AL-TOMORROW", "AL-WAITING", "AL-AIRBORNE"])
    // The cell's style: danger, bold.
    // Off the selection, whose reverse video would cover the cell's own style.
    let canvas = model.view()
    let y = try #require(model.screen.firstIndex { $0.contains("AL-WAITING") })
    let x = try #require(model.screen[y].range(of: "OVERDUE")).lowerBound.utf16Offset(
      in: model.screen[y])
    #expect(canvas[x, y].style.role == .danger)
    #expect(canvas[x, y].style.attributes.contains(.bold))
  }

  @Test("overdue starts the moment the ETD passes")
  func overdueAtTheMinute() {
    let early = console(now: "2026-01-26T09:59:00Z")
    #expect(line("AL-LATE", early).contains("AL-LATE     10:00"))
    let late = console(now: "2026-01-26T10:01:00Z")
    #expect(line("AL-LATE", late).contains("OVERDUE 1m"))
  }

  @Test("AGE: waiting for a decision; airborne time in flight; nothing once approved")
  func ages() {
    let model = console()
    #expect(line("AL-TOMORROW", model).contains(" 3h "))
    #expect(line("AL-URGENT", model).contains(" 1h "))
    #expect(line("AL-AIRBORNE", model).contains(" 1h "))
    #expect(!line("AL-AIRBORNE", model).contains(" 28h "))
    let waiting = line("AL-WAITING", model)
    #expect(!waiting.contains("3h") && !waiting.contains("4h"))
  }

  @Test("s cycles the sort: urgency, ETD, destination, detainees, and the title names it")
  func sortCycle() {
    var model = console()
    #expect(model.screenText.contains("Airlifts (5) by urgency"))
    model.press(.character("s"))
    #expect(model.screenText.contains("Airlifts (5) by ETD"))
    #expect(order(model) == ["AL-LATE", "AL-AIRBORNE", "AL-WAITING", "AL-URGENT", "AL-TOMORROW"])
    model.press(.character("s"))
    #expect(model.screenText.contains("Airlifts (5) by destination"))
    #expect(order(model) == ["AL-AIRBORNE", "AL-URGENT", "AL-TOMORROW", "AL-LATE", "AL-WAITING"])
    model.press(.character("s"))
    #expect(model.screenText.contains("Airlifts (5) by detainees"))
    #expect(order(model) == ["AL-AIRBORNE", "AL-URGENT", "AL-LATE", "AL-TOMORROW", "AL-WAITING"])
    model.press(.character("s"))
    #expect(model.screenText.contains("Airlifts (5) by urgency"))
  }

  @Test("the selection stays on its airlift when the order changes")
  func sortKeepsSelection() {
    var model = console()
    model.press(.character("j"), .character("j"))
    let chosen = model.selectedAirlift
    model.press(.character("s"), .character("s"))
    #expect(model.selectedAirlift == chosen)
    #expect(line("AL-TOMORROW", model).contains("› "))
  }

  @Test("s works only on the airlifts pane, and the help names it")
  func sortKeyScope() {
    var model = console()
    model.press(.tab, .character("s"))
    #expect(model.airliftOrder == .urgency)
    #expect(KeyMap.helpLines(replay: false).contains { $0.keys == "s" })
  }
}
