import Testing
import WatchfloorConsole
import WatchfloorModel

@Suite("The detail view: whole text, wrapped and scrolled; histories that say what changed")
struct DetailViewTests {
  /// The samples' console with the occupancy pane focused on `facility`.
  func facilityDetail(_ facility: String, width: Int = 120, height: Int = 40) throws
    -> ConsoleModel
  {
    var model = try sampleConsole(width: width, height: height)
    model.press(.tab)
    while model.tables.facility(model.selectedFacility ?? .none) != facility {
      let before = model.selectedFacility
      model.press(.down)
      try #require(model.selectedFacility != before, "no row for \(facility)")
    }
    model.press(.enter)
    return model
  }

  @Test("a facility's history has its landings, departures and updates, old → new")
  func facilityHistory() throws {
    let model = try facilityDetail("karkh")
    guard case .detail(let history) = model.overlay else {
      Issue.record("no detail view")
      return
    }
    let lines = model.detailLines(history).lines.map(\.0)
    #expect(
      lines.contains { $0.contains("facility.updated  by karkh-duty  status open → lockdown") })
    // A landing says how the headcount moved and why.
    #expect(
      lines.contains {
        $0.contains("airlift.landed") && $0.contains(" landed, ") && $0.contains("occupancy ")
          && $0.contains(" → ")
      },
      "\(lines.joined(separator: "\n"))")
    // The headcount the narration ends on is the state's.
    let karkh = try #require(model.tables.facilities.lookup("karkh"))
    let occupancy = try #require(model.state.facilities[karkh]).occupancy
    let last = try #require(lines.last { $0.contains("occupancy ") && $0.contains(" → ") })
    #expect(last.contains("→ \(CountText.grouped(occupancy))"), "\(last)")
  }

  @Test("an incident's history keeps its first report and each update old → new")
  func incidentHistory() throws {
    var model = try sampleConsole(at: "2026-01-22T10:00:00Z")
    model.press(.backTab)
    while model.tables.incident(model.selectedIncident ?? .none) != "INC-0122-01" {
      let before = model.selectedIncident
      model.press(.down)
      try #require(model.selectedIncident != before, "no row for INC-0122-01")
    }
    model.press(.enter)
    guard case .detail(let history) = model.overlay else {
      Issue.record("no detail view")
      return
    }
    let lines = model.detailLines(history).lines.map(\.0)
    #expect(
      lines.contains {
        $0.contains("incident.reported") && $0.contains("high security in anbar-west")
      })
    #expect(
      lines.contains { $0.contains("incident.updated") && $0.contains("severity high → critical") })
  }

  @Test("at 80x24 the view wraps rather than cuts, and scrolls line by line, a page, to the end")
  func wrapsAndScrolls() throws {
    var model = try facilityDetail("karkh", width: 80, height: 24)
    guard case .detail(let history) = model.overlay else {
      Issue.record("no detail view")
      return
    }
    // Every line whole: wrapped to the view's width, nothing cut with an ellipsis.
    let text = model.detailLines(history).lines.map(\.0).joined(separator: " ")
    #expect(!text.contains("…"))
    var screen = model.screen
    #expect(screen.joined().contains("occupancy 6,476 of 3,000"))
    // The view's box spans rows 3 to 20 at 80x24: more below, nothing above.
    #expect(screen[20].contains("↓ "), "\(screen[20])")
    #expect(!screen[3].contains("↑ "))
    model.press(.end)
    screen = model.screen
    #expect(!screen[20].contains("↓ "))
    #expect(screen[3].contains("↑ "), "\(screen[3])")
    let atEnd = model.screenText
    model.press(.character("k"))
    #expect(model.screenText != atEnd)
    model.press(.home)
    #expect(!model.screen[3].contains("↑ "))
    #expect(model.screen.last?.contains("scroll") == true)
    model.press(.escape)
    #expect(model.overlay == nil)
  }

  @Test("wrapping breaks at spaces, indents what follows, and breaks words longer than a line")
  func wrapping() {
    #expect(TextFitting.wrap("short", toColumns: 10) == ["short"])
    #expect(
      TextFitting.wrap("the quick brown fox jumps", toColumns: 10, indent: 2) == [
        "the quick", "  brown", "  fox", "  jumps",
      ])
    #expect(TextFitting.wrap("abcdefghijkl", toColumns: 5) == ["abcde", "fghij", "kl"])
    #expect(TextFitting.wrap("", toColumns: 5) == [""])
    #expect(TextFitting.wrap("a\u{1B}[2Jb", toColumns: 40) == ["a\\e[2Jb"])
  }
}
