import Testing
import WatchfloorConsole
import WatchfloorModel

@Suite("Without colour or UTF-8: every state still reads")
struct PlainTerminalTests {
  @Test(
    "in ASCII only, every cell is ASCII and the glyphs have stand-ins",
    arguments: [
      (80, 24), (120, 40), (200, 50),
    ])
  func asciiOnly(width: Int, height: Int) throws {
    var model = try sampleConsole(width: width, height: height)
    model.asciiOnly = true
    let screen = model.screen
    for line in screen {
      let ascii = line.unicodeScalars.allSatisfy { $0.isASCII }
      #expect(ascii, "\(line)")
    }
    let text = screen.joined(separator: "\n")
    #expect(text.contains("ghwayran -> south-site"))
    #expect(text.contains("|> 2ND % 1/2") || text.contains("|> 2ND"), "the selection reads >")
    #expect(text.contains("* CRIT") && text.contains("o HIGH"), "open * and acknowledged o")
    #expect(text.contains("##") && text.contains("+- Airlifts"), "bars and frames")
    // The help and a detail view, too.
    model.press(.character("?"))
    let help = model.screen.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII } }
    #expect(help)
  }

  @Test("a wide character becomes one ? a column, so the columns stay in place")
  func wideCharacters() {
    var canvas = Canvas(width: 6, height: 1)
    canvas.put("a文b", x: 0, y: 0)
    #expect(canvas.asciiFallback().lines() == ["a??b"])
  }

  @Test("without colour, a fresh critical row and the selection differ by their marker")
  func markers() throws {
    var model = try sampleConsole()
    ingest(
      [
        #"{"ts":"2026-01-23T23:10:00Z","type":"incident.reported","incident":"INC-X","sector":"anbar-west","severity":"critical","kind":"attack","summary":"Attack on a border post"}"#
      ], into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    let screen = model.screen
    let fresh = try #require(screen.first { $0.contains("INC-X") })
    let selected = try #require(screen.first { $0.contains("AL-0123-10") })
    #expect(fresh.hasPrefix("│! ") || fresh.contains("│! "), "\(fresh)")
    #expect(selected.contains("›"), "\(selected)")
    // The reverse video of both is the same attribute: the markers tell them apart.
    #expect(!fresh.contains("›"))
  }
}
