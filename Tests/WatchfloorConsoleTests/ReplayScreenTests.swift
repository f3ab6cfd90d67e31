import Foundation
import Testing
import WatchfloorConsole
import WatchfloorModel

/// The replay screen checked as text and styles against golden files (WATCHFLOOR_UPDATE_GOLDEN=1
/// rewrites them), and the timeline band's parts checked against the sample day by hand.
@Suite("Replay screens")
struct ReplayScreenTests {
  static let cases: [(name: String, at: String, width: Int, height: Int)] = [
    ("replay-0122T1430-80x24", "2026-01-22T14:30:00Z", 80, 24),
    ("replay-0122T1430-120x40", "2026-01-22T14:30:00Z", 120, 40),
    ("replay-0123T0000-200x60", "2026-01-23T00:00:00Z", 200, 60),
  ]

  @Test("replay screens match their golden files", arguments: cases.map(\.name))
  func golden(_ name: String) throws {
    let entry = try #require(Self.cases.first { $0.name == name })
    let day = String(entry.at.prefix(10))
    let model = try sampleReplay(day: day, at: entry.at, width: entry.width, height: entry.height)
    try expectGolden(model, name)
  }

  @Test("the band: busiest hours full, empty hours blank, marks where the sample day has them")
  func band() throws {
    // 96 bar columns at 105 wide: four per hour, one per 15 minutes.
    let model = try sampleReplay(at: "2026-01-22T12:00:00Z", width: 105, height: 30)
    let screen = model.screen
    let bar = Array(screen[2].dropFirst(8))
    let marks = Array(screen[3].dropFirst(8))
    #expect(screen[2].hasPrefix(" events "))
    #expect(screen[3].hasPrefix(" marks "))
    #expect(screen[4].hasPrefix(" 22 Jan "))
    // Hours 02-04 of the 22nd have no events; 01 has the landing of AL-0121-02.
    #expect(bar[8..<20].allSatisfy { $0 == " " })
    #expect(bar[4..<8].allSatisfy { $0 != " " })
    #expect(marks[4] == "▼")
    // 06:10 approval in the column of 06:00-06:15; 07:40 incident (high) at 07:30-07:45.
    #expect(marks[24] == "◆")
    #expect(marks[30] == "!")
    // The cursor at 12:00: the ▲ under column 48.
    #expect(Array(screen[4].dropFirst(8))[48] == "▲")
  }

  @Test("the help lists the replay's keys; the footer names them")
  func helpAndFooter() throws {
    var model = try sampleReplay()
    #expect(model.screen.last?.contains("Space play") == true)
    model.type("?")
    let text = model.screenText
    #expect(text.contains("one event forward / back"))
    #expect(text.contains("next / previous decision or incident"))
    #expect(text.contains("marks: decision, incident, landing"))
    #expect(!text.contains("approve the airlift"))
  }
}
