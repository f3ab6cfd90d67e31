import Foundation
import Testing
import WatchfloorConsole
import WatchfloorModel

@Suite("Keys driven through update")
struct ConsoleKeyTests {
  func selectedAirlift(_ model: ConsoleModel) -> String? {
    model.selectedAirlift.map { model.tables.airlift($0) }
  }

  @Test("at start the airlifts pane is focused with its first row selected")
  func startState() throws {
    let model = try sampleConsole()
    #expect(model.focus == .airlifts)
    #expect(selectedAirlift(model) == "AL-0123-10")
    #expect(model.screen.contains { $0.contains("› 2ND ◐ 1/2   AL-0123-10") })
  }

  @Test("j/k and arrows move, clamped at the ends; Home and End jump")
  func movement() throws {
    var model = try sampleConsole()
    model.press(.character("j"))
    #expect(selectedAirlift(model) == "AL-0123-13")
    model.press(.down, .down, .down, .down, .down)
    #expect(selectedAirlift(model) == "AL-0123-09")
    model.press(.character("k"))
    #expect(selectedAirlift(model) == "AL-0123-12")
    model.press(.home)
    #expect(selectedAirlift(model) == "AL-0123-10")
    model.press(.end)
    #expect(selectedAirlift(model) == "AL-0123-09")
    model.press(.up, .character("g"))
    #expect(selectedAirlift(model) == "AL-0123-10")
  }

  @Test("Tab and Shift-Tab move focus through the panes")
  func focus() throws {
    var model = try sampleConsole()
    model.press(.tab)
    #expect(model.focus == .occupancy)
    model.press(.tab)
    #expect(model.focus == .incidents)
    model.press(.tab)
    #expect(model.focus == .airlifts)
    model.press(.backTab)
    #expect(model.focus == .incidents)
    #expect(model.tables.incident(model.selectedIncident ?? .none) == "INC-0123-05")
    model.press(.character("j"))
    #expect(model.tables.incident(model.selectedIncident ?? .none) == "INC-0123-06")
  }

  @Test("the selection stays on its airlift when rows are added above it or reordered")
  func selectionSticks() throws {
    var model = try sampleConsole()
    model.press(.character("j"), .character("j"))
    #expect(selectedAirlift(model) == "AL-0123-11")
    let rowBefore = model.screen.firstIndex { $0.contains("› PENDING     AL-0123-11") }
    // A new request and a first approval of a high-value one put rows above the selection.
    ingest(
      [
        #"{"ts":"2026-01-23T23:00:00Z","type":"airlift.requested","airlift":"AL-NEW","origin":"hol","destination":"karkh","detainees":30,"high_value":2,"etd":"2026-01-24T02:00:00Z","by":"liaison"}"#,
        #"{"ts":"2026-01-23T23:01:00Z","type":"airlift.approved","airlift":"AL-NEW","by":"noor"}"#,
      ], into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    #expect(selectedAirlift(model) == "AL-0123-11")
    let rowAfter = model.screen.firstIndex { $0.contains("› PENDING     AL-0123-11") }
    #expect(rowBefore != nil && rowAfter == (rowBefore ?? 0) + 1)
  }

  @Test("when the selected airlift leaves the pane, its neighbour takes the selection")
  func selectionFollowsNeighbour() throws {
    var model = try sampleConsole()
    model.press(.end)
    #expect(selectedAirlift(model) == "AL-0123-09")
    ingest(
      [#"{"ts":"2026-01-23T23:30:00Z","type":"airlift.landed","airlift":"AL-0123-09"}"#],
      into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    #expect(selectedAirlift(model) == "AL-0123-12")
    #expect(!model.screenText.contains("AL-0123-09"))
  }

  @Test("/ filters the focused pane; Enter keeps the filter, Esc clears it")
  func filter() throws {
    var model = try sampleConsole()
    model.press(.character("/"))
    model.type("karkh")
    #expect(
      model.airliftRows().map { model.tables.airlift($0.id) } == ["AL-0123-13", "AL-0123-12"])
    #expect(model.screenText.contains("Airlifts (2 of 5) by urgency  /karkh▏"))
    model.press(.enter)
    #expect(!model.editingFilter)
    #expect(model.screenText.contains("Airlifts (2 of 5) by urgency  /karkh"))
    // j and q are plain keys again.
    model.press(.character("j"))
    #expect(selectedAirlift(model) == "AL-0123-12")
    model.press(.escape)
    #expect(model.airliftRows().count == 5)
    model.press(.character("/"))
    model.type("zzz")
    #expect(model.screenText.contains("No airlift matches the filter."))
    model.press(.backspace, .backspace, .backspace, .escape)
    #expect(model.filter(.airlifts) == nil)
  }

  @Test("Enter shows the selected airlift's full history; Esc returns")
  func detail() throws {
    var model = try sampleConsole()
    model.press(.enter)
    guard case .detail(let history) = model.overlay else {
      Issue.record("Enter should open the detail view")
      return
    }
    #expect(history.subject == .airlift(model.selectedAirlift ?? .none))
    let text = model.screenText
    #expect(text.contains("Airlift AL-0123-10"))
    #expect(text.contains("Two-person rule: approvals 1 of 2 (karim)"))
    #expect(text.contains("airlift.requested"))
    #expect(text.contains("airlift.approved  by karim"))
    let footer = try #require(model.screen.last)
    #expect(footer.contains("↑↓ PgUp PgDn scroll") && footer.contains("Esc close"), "\(footer)")
    model.press(.escape)
    #expect(model.overlay == nil)
  }

  @Test("? shows every key; q quits; t cycles themes")
  func helpQuitTheme() throws {
    var model = try sampleConsole()
    model.themes = [Theme.standard, try #require(Theme.builtIn(named: "mono"))]
    model.press(.character("?"))
    #expect(model.screenText.contains("this help"))
    // q in the help closes it rather than quitting.
    #expect(model.press(.character("q")).isEmpty)
    #expect(model.overlay == nil)
    model.press(.character("t"))
    #expect(model.theme.name == "mono")
    #expect(model.screenText.contains("theme mono"))
    model.press(.character("t"))
    #expect(model.theme.name == "default")
    #expect(model.press(.character("q")) == [.quit])
  }

  @Test("a new critical incident rings the bell once and is highlighted")
  func criticalBell() throws {
    var model = try sampleConsole()
    ingest(
      [
        #"{"ts":"2026-01-23T23:10:00Z","type":"incident.reported","incident":"INC-X","sector":"anbar-west","severity":"critical","kind":"attack","summary":"Attack on a border post"}"#
      ], into: model.timeline)
    #expect(model.update(.logAdvanced(at: model.now)) == [.bell])
    #expect(model.freshCriticals[model.tables.incidents.lookup("INC-X") ?? .none] != nil)
    ingest(
      [
        #"{"ts":"2026-01-23T23:11:00Z","type":"incident.updated","incident":"INC-X","summary":"Post holds"}"#
      ],
      into: model.timeline)
    #expect(model.update(.logAdvanced(at: model.now)).isEmpty)
    model.bellEnabled = false
    ingest(
      [
        #"{"ts":"2026-01-23T23:12:00Z","type":"incident.reported","incident":"INC-Y","sector":"rabia","severity":"critical","kind":"attack","summary":"Second attack"}"#
      ], into: model.timeline)
    #expect(model.update(.logAdvanced(at: model.now)).isEmpty)
  }

  @Test("feed notices show in the header")
  func feedNotice() throws {
    var model = try sampleConsole()
    _ = model.update(.feedNotice("log truncated: reloaded"))
    #expect(model.screen[0].contains("⚠ log truncated: reloaded"))
    _ = model.update(.feedNotice(nil))
    #expect(!model.screen[0].contains("⚠"))
  }
}

extension ConsoleModel {
  var footerKeysText: String {
    view().lines().last?.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")
      .first ?? ""
  }
}
