import Foundation
import Testing
import WatchfloorConsole

/// WCAG 2 contrast of every shipped theme: text against its background at least 4.5:1, the
/// bars' segments against the screen at least 3:1, so a dark room or a dim screen loses
/// nothing.
@Suite("Theme contrast")
struct ThemeContrastTests {
  static func luminance(_ color: RGB) -> Double {
    func channel(_ value: UInt8) -> Double {
      let c = Double(value) / 255
      return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channel(color.red) + 0.7152 * channel(color.green)
      + 0.0722 * channel(color.blue)
  }

  static func contrast(_ first: RGB, _ second: RGB) -> Double {
    let (a, b) = (luminance(first), luminance(second))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }

  static let textRoles: [Role] = [
    .text, .dim, .accent, .ok, .warn, .danger, .critical, .selection, .header, .footer, .title,
    .key, .borderFocused,
  ]
  static let barRoles: [Role] = [.barFill, .barInbound, .barOver, .barEmpty]

  @Test("the contrast function gives WCAG's figures")
  func knownFigures() throws {
    let black = try #require(RGB(hex: "#000000"))
    let white = try #require(RGB(hex: "#ffffff"))
    let grey = try #require(RGB(hex: "#767676"))
    #expect(abs(Self.contrast(black, white) - 21) < 0.01)
    #expect(abs(Self.contrast(grey, white) - 4.54) < 0.01)
  }

  @Test(
    "text 4.5:1 and bar segments 3:1 against their background",
    arguments: Theme.builtInNames.filter { $0 != "mono" })
  func contrast(_ name: String) throws {
    let theme = try #require(Theme.builtIn(named: name))
    let text = theme.style(for: .text)
    let screen = try #require(text.background, "\(name) sets no screen background")
    for role in Self.textRoles {
      let style = theme.style(for: role)
      let foreground = try #require(style.foreground ?? text.foreground)
      let background = style.background ?? screen
      let ratio = Self.contrast(foreground, background)
      #expect(ratio >= 4.5, "\(name): \(role) \(foreground) on \(background) is \(ratio):1")
    }
    for role in Self.barRoles {
      let style = theme.style(for: role)
      let foreground = try #require(style.foreground ?? text.foreground)
      let ratio = Self.contrast(foreground, style.background ?? screen)
      #expect(ratio >= 3, "\(name): \(role) \(foreground) is \(ratio):1")
    }
  }
}

@Suite("Reduced palettes keep the states apart")
struct ReducedPaletteTests {
  /// The roles that carry a state: no two may look the same on any terminal. (`ok` is the
  /// normal state: plain text where colour is short, its glyphs — ✓ — carry it.)
  static let states: [Role] = [.text, .dim, .warn, .danger, .critical, .selection]

  @Test(
    "with 8 colours and with none, every state role resolves to its own look",
    arguments: Theme.builtInNames)
  func distinct(_ name: String) throws {
    let theme = try #require(Theme.builtIn(named: name))
    for mode in [ColorMode.palette8, .monochrome] {
      let looks = Self.states.map { theme.resolve(Style($0), mode: mode) }
      for (index, look) in looks.enumerated() {
        for other in looks.indices where other > index {
          #expect(
            look != looks[other],
            "\(name) \(mode): \(Self.states[index]) and \(Self.states[other]) look alike")
        }
      }
    }
  }
}
