import Testing
import WatchfloorConsole

@testable import WatchfloorTerminal

@Suite("ColorCapability lowers the requested colour mode to what the terminal has")
struct ColorCapabilityTests {
  static func capability(colors: Int, canChange: Bool = false) -> ColorCapability {
    ColorCapability(
      hasColors: true, colors: colors, pairs: 256, canChangeColors: canChange,
      hasDefaultColors: true)
  }

  @Test("a redefinable 256 colour palette shows truecolour")
  func redefinable256() {
    let terminal = Self.capability(colors: 256, canChange: true)
    #expect(terminal.mode(for: .trueColor) == .trueColor)
    #expect(terminal.mode(for: .palette256) == .palette256)
    #expect(terminal.mode(for: .palette8) == .palette8)
    #expect(terminal.mode(for: .monochrome) == .monochrome)
  }

  @Test("a fixed 256 colour palette shows truecolour as its nearest indexes")
  func fixed256() {
    let terminal = Self.capability(colors: 256)
    #expect(terminal.mode(for: .trueColor) == .palette256)
    #expect(terminal.mode(for: .palette256) == .palette256)
  }

  @Test("an 8 or 16 colour terminal gets the basic colours")
  func basic() {
    for colors in [8, 16] {
      let terminal = Self.capability(colors: colors, canChange: true)
      #expect(terminal.mode(for: .trueColor) == .palette8)
      #expect(terminal.mode(for: .palette256) == .palette8)
      #expect(terminal.mode(for: .palette8) == .palette8)
    }
  }

  @Test("without colours, or pairs, everything is monochrome")
  func none() {
    let starved = ColorCapability(
      hasColors: true, colors: 8, pairs: 1, canChangeColors: false, hasDefaultColors: false)
    for mode in ColorMode.allCases {
      #expect(ColorCapability.monochrome.mode(for: mode) == .monochrome)
      #expect(starved.mode(for: mode) == .monochrome)
    }
  }
}
