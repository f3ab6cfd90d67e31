import Testing
import WatchfloorConsole

@Suite("Canvas: ANSI output")
struct CanvasANSITests {
  private let esc = "\u{1B}"

  /// A theme with exact colours, so the expected escapes are easy to read.
  private func theme() throws -> Theme {
    try Theme.parse(
      """
      text = {}
      danger = { fg = "#ff0000", bold = true }
      selection = { fg = "#000000", bg = "#ffffff" }
      """, name: "test")
  }

  private func sample() -> Canvas {
    var canvas = Canvas(width: 12, height: 2)
    canvas.put("a", x: 0, y: 0)
    canvas.put("BAD", x: 2, y: 0, style: Style(.danger))
    canvas.put("sel", x: 0, y: 1, style: Style(.selection, .underline))
    return canvas
  }

  @Test func trueColor() throws {
    let output = sample().ansi(theme: try theme(), mode: .trueColor)
    #expect(
      output
        == "a \(esc)[0;1;38;2;255;0;0mBAD\(esc)[0m\n"
        + "\(esc)[0;4;38;2;0;0;0;48;2;255;255;255msel\(esc)[0m\n")
  }

  @Test func palette256() throws {
    let output = sample().ansi(theme: try theme(), mode: .palette256)
    #expect(output.contains("\(esc)[0;1;38;5;196mBAD\(esc)[0m\n"))
    #expect(output.contains("\(esc)[0;4;38;5;16;48;5;231msel"))
  }

  @Test func palette8() throws {
    let output = sample().ansi(theme: try theme(), mode: .palette8)
    #expect(output.contains("\(esc)[0;1;31mBAD\(esc)[0m\n"))
    #expect(output.contains("\(esc)[0;4;30;47msel"))
  }

  @Test func monochromeWritesAttributesOnly() throws {
    let output = sample().ansi(theme: try theme(), mode: .monochrome)
    // danger: bold + underline; selection: reverse, plus the drawn underline.
    #expect(output == "a \(esc)[0;1;4mBAD\(esc)[0m\n\(esc)[0;4;7msel\(esc)[0m\n")
  }

  @Test func plainTextHasNoEscapesAndNoTrailingBlanks() throws {
    var canvas = Canvas(width: 10, height: 2)
    canvas.put("hello", x: 0, y: 0)
    #expect(canvas.ansi(theme: try theme(), mode: .trueColor) == "hello\n\n")
  }

  @Test func aScreenBackgroundIsKeptToTheEndOfTheLine() throws {
    let night = try #require(Theme.builtIn(named: "night"))
    var canvas = Canvas(width: 4, height: 1)
    canvas.put("x", x: 0, y: 0)
    let output = canvas.ansi(theme: night, mode: .palette256)
    #expect(output.hasSuffix("x   \(esc)[0m\n"))
    #expect(output.contains(";48;5;16m"))
  }

  @Test func escapeSequencesInTextNeverReachTheOutput() throws {
    var canvas = Canvas(width: 30, height: 1)
    canvas.put("\u{1B}]0;pwned\u{07}\u{9B}2J", x: 0, y: 0)
    let output = canvas.ansi(theme: try theme(), mode: .trueColor)
    #expect(output == "\\e]0;pwned\\x07\\u{009B}2J\n")
  }

  @Test func wideCharactersAreWrittenOnce() throws {
    var canvas = Canvas(width: 6, height: 1)
    canvas.put("日本", x: 0, y: 0, style: Style(.danger))
    #expect(canvas.ansi(theme: try theme(), mode: .palette8) == "\(esc)[0;1;31m日本\(esc)[0m\n")
  }
}
