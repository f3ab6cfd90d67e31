import Testing
import WatchfloorConsole

@Suite("Colours and colour modes")
struct ColorTests {
  @Test func hexColours() {
    #expect(RGB(hex: "#ff5555") == RGB(red: 255, green: 0x55, blue: 0x55))
    #expect(RGB(hex: "#FF5555") == RGB(red: 255, green: 0x55, blue: 0x55))
    #expect(RGB(hex: "#f55") == RGB(red: 255, green: 0x55, blue: 0x55))
    #expect(RGB(hex: "#ff5555")?.hex == "#ff5555")
    for bad in ["ff5555", "#ff555", "#ff55555", "#gg0000", "red", "", "#"] {
      #expect(RGB(hex: bad) == nil, "\(bad)")
    }
  }

  @Test(arguments: [
    ("#ff0000", 196), ("#00ff00", 46), ("#0000ff", 21), ("#000000", 16), ("#ffffff", 231),
    ("#808080", 244), ("#5f87af", 67), ("#ffb000", 214), ("#121212", 233),
  ])
  func nearest256(hex: String, expected: Int) throws {
    let color = try #require(RGB(hex: hex))
    #expect(Int(XtermPalette.nearestIndex(to: color)) == expected)
  }

  @Test(arguments: [
    ("#ff0000", BasicColor.red), ("#00ff00", .green), ("#0000ff", .blue), ("#000000", .black),
    ("#ffffff", .white), ("#ffb000", .yellow), ("#00b0b0", .cyan), ("#b000b0", .magenta),
    ("#d55e00", .red), ("#333333", .black), ("#606060", .black), ("#808080", .white),
    ("#7b8394", .white),
  ])
  func nearestBasic(hex: String, expected: BasicColor) throws {
    let color = try #require(RGB(hex: hex))
    #expect(XtermPalette.nearestBasic(to: color) == expected)
  }

  @Test func paletteColours() {
    #expect(XtermPalette.color(ofIndex: 196) == RGB(red: 255, green: 0, blue: 0))
    #expect(XtermPalette.color(ofIndex: 67) == RGB(red: 95, green: 135, blue: 175))
    #expect(XtermPalette.color(ofIndex: 232) == RGB(red: 8, green: 8, blue: 8))
    #expect(XtermPalette.color(ofIndex: 255) == RGB(red: 238, green: 238, blue: 238))
  }

  @Test func everyPaletteColourIsItsOwnNearest() {
    for index in UInt8(16)...UInt8(255) {
      let color = XtermPalette.color(ofIndex: index)
      #expect(XtermPalette.color(ofIndex: XtermPalette.nearestIndex(to: color)) == color)
    }
  }

  @Test func colorModeFromTheEnvironment() {
    #expect(ColorMode.detect(environment: [:]) == .palette8)
    #expect(ColorMode.detect(environment: ["TERM": "xterm"]) == .palette8)
    #expect(ColorMode.detect(environment: ["TERM": "xterm-256color"]) == .palette256)
    #expect(
      ColorMode.detect(environment: ["TERM": "tmux-256color", "COLORTERM": "truecolor"])
        == .trueColor)
    #expect(ColorMode.detect(environment: ["COLORTERM": "24bit"]) == .trueColor)
    #expect(ColorMode.detect(environment: ["TERM": "dumb"]) == .monochrome)
    #expect(
      ColorMode.detect(environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"]) == .monochrome)
    #expect(
      ColorMode.detect(environment: ["NO_COLOR": "", "TERM": "xterm-256color"]) == .palette256)
  }
}
