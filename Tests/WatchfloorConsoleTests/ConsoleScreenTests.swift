import Foundation
import Testing
import WatchfloorConsole
import WatchfloorModel

/// Screens of the samples checked as text and styles against golden files. Set
/// WATCHFLOOR_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then read the diff.
@Suite("Console screens (golden)")
struct ConsoleScreenTests {
  static let cases: [(name: String, at: String?, width: Int, height: Int)] = [
    ("end-80x24", nil, 80, 24),
    ("end-100x30", nil, 100, 30),
    ("end-120x40", nil, 120, 40),
    ("end-160x50", nil, 160, 50),
    ("end-200x50", nil, 200, 50),
    ("end-250x60", nil, 250, 60),
    ("0122T1200-80x24", "2026-01-22T12:00:00Z", 80, 24),
    ("0122T1200-120x40", "2026-01-22T12:00:00Z", 120, 40),
    ("0123T1200-200x60", "2026-01-23T12:00:00Z", 200, 60),
  ]

  @Test("screens match their golden files, text and styles", arguments: cases.map(\.name))
  func golden(_ name: String) throws {
    let entry = try #require(Self.cases.first { $0.name == name })
    let model = try sampleConsole(at: entry.at, width: entry.width, height: entry.height)
    try expectGolden(model, name)
  }

  @Test("below 80×24 the console asks for a larger terminal")
  func tooSmall() throws {
    var model = try sampleConsole()
    _ = model.update(.resize(width: 79, height: 30))
    #expect(model.screenText.contains("Enlarge the terminal to 80×24"))
    #expect(model.screenText.contains("(now 79×30)"))
    _ = model.update(.resize(width: 80, height: 24))
    #expect(!model.screenText.contains("Enlarge"))
    #expect(model.screen.count == 24)
  }

  @Test("the header shows the figures of the floor")
  func header() throws {
    let model = try sampleConsole()
    let header = model.screen.prefix(2).joined(separator: "\n")
    #expect(header.contains("LIVE"))
    #expect(header.contains("2026-01-23 22:41:00 UTC"))
    #expect(header.contains("officer hassan · OPEN ROSTER"))
    #expect(header.contains("awaiting 3 (1 need 2nd)"))
    #expect(header.contains("in flight 1 (170)"))
    #expect(header.contains("alerts 2 unacked 1 CRITICAL"))
    #expect(header.contains("moved 2,418/7,000"))
  }

  @Test("statuses, loads and severities are told apart by text as well as colour")
  func monochromeDistinctions() throws {
    let model = try sampleConsole(width: 200, height: 60)
    let text = model.screenText
    #expect(text.contains("2ND ◐ 1/2"))
    #expect(text.contains("PENDING"))
    #expect(text.contains("IN FLIGHT ✈"))
    #expect(text.contains("216%!!"))
    #expect(text.contains("100%!"))
    #expect(text.contains("● CRIT"))
    #expect(text.contains("○ HIGH"))
    // Styles: the critical severity is drawn in the critical role, reversed.
    let canvas = model.view()
    var found = false
    for y in 0..<canvas.height {
      let line = canvas.line(y)
      if let range = line.range(of: "● CRIT") {
        let x = line.distance(from: line.startIndex, to: range.lowerBound) + 2
        let style = canvas.style(x: x, y: y)
        #expect(style.role == .critical)
        #expect(style.attributes.contains(.reverse))
        found = true
        break
      }
    }
    #expect(found)
  }

  @Test("log text with escape sequences is drawn as visible escapes")
  func sanitised() throws {
    let timeline = Timeline()
    ingest(
      [
        #"{"ts":"2026-01-21T06:00:00Z","type":"incident.reported","incident":"I-1","sector":"anbar\u001b[2J","severity":"high","kind":"x","summary":"evil \u001b]0;owned\u0007 \u202e text"}"#
      ], into: timeline)
    let model = ConsoleModel(
      timeline: timeline, size: (160, 40), now: timeline.current.latest, operatorName: "o",
      feed: FeedHealth(source: "t"))
    let text = model.screenText
    #expect(
      !text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    #expect(text.contains(#"anbar\e[2J"#))
    #expect(text.contains(#"evil \e]0;owned\x07 \u{202E} text"#))
  }
}
