import Foundation
import Testing
import WatchfloorConsole

@Suite("Themes")
struct ThemeTests {
  /// The repository's themes/ directory, found from this file's path.
  static let themesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes").path

  @Test func theBuiltInThemesAreTheFiveRequired() {
    #expect(Theme.builtInNames == ["default", "high-contrast", "night", "colorblind", "mono"])
    #expect(Theme.standard.name == "default")
    #expect(Theme.standard.defines(.danger))
  }

  @Test(arguments: Theme.builtInNames)
  func builtInThemeLoadsAndDefinesEveryRole(name: String) throws {
    let source = try #require(Theme.builtInSource(named: name))
    let theme = try Theme.parse(source, name: name)
    for role in Role.allCases {
      #expect(theme.defines(role), "\(name) leaves out \(role)")
    }
    #expect(theme.summary?.isEmpty == false)
  }

  @Test(arguments: Theme.builtInNames)
  func embeddedCopyEqualsTheFile(name: String) throws {
    let path = ThemeTests.themesDirectory + "/\(name).toml"
    let file = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      Theme.builtInSource(named: name) == file, "paste themes/\(name).toml into BuiltInThemes.swift"
    )
    #expect(try Theme.load(path: path) == Theme.builtIn(named: name))
  }

  @Test func theThemesDirectoryHoldsOnlyTheBuiltInThemes() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: ThemeTests.themesDirectory)
    #expect(Set(files) == Set(Theme.builtInNames.map { "\($0).toml" }))
  }

  @Test func monoSpellsOutTheMonoAttributesOfEveryRole() throws {
    let mono = try #require(Theme.builtIn(named: "mono"))
    #expect(mono.isMonochrome)
    for role in Role.allCases {
      #expect(mono.style(for: role).attributes == role.monoAttributes, "\(role)")
      for mode in ColorMode.allCases {
        #expect(
          mono.resolve(Style(role), mode: mode) == ResolvedStyle(attributes: role.monoAttributes))
      }
    }
  }

  /// The states an officer must tell apart, in every theme and colour mode.
  @Test(arguments: Theme.builtInNames, ColorMode.allCases)
  func statesStayDistinct(name: String, mode: ColorMode) throws {
    let theme = try #require(Theme.builtIn(named: name))
    func look(_ role: Role) -> ResolvedStyle { theme.resolve(Style(role), mode: mode) }
    let states: [Role] = [.text, .warn, .danger, .critical, .selection]
    for (index, first) in states.enumerated() {
      for second in states[(index + 1)...] {
        #expect(look(first) != look(second), "\(name) \(mode): \(first) looks like \(second)")
      }
    }
    #expect(look(.barFill) != look(.barOver), "\(name) \(mode)")
    #expect(look(.barInbound) != look(.barFill), "\(name) \(mode)")
    #expect(look(.dim) != look(.text), "\(name) \(mode)")
    #expect(look(.header) != look(.text), "\(name) \(mode)")
    for role in Role.allCases where look(role).foreground != nil {
      #expect(look(role).foreground != look(role).background, "\(name) \(mode): \(role) invisible")
    }
  }

  @Test func monochromeModeUsesTheMonoAttributes() throws {
    let theme = Theme.standard
    #expect(
      theme.resolve(Style(.critical), mode: .monochrome)
        == ResolvedStyle(attributes: [.bold, .reverse]))
    #expect(
      theme.resolve(Style(.warn, .bold), mode: .monochrome)
        == ResolvedStyle(attributes: [.underline, .bold]))
    #expect(theme.resolve(Style(.text), mode: .monochrome).isPlain)
  }

  @Test func missingRolesFallBackAndColoursComeFromText() throws {
    let theme = try Theme.parse(
      """
      text = { fg = "#cccccc", bg = "#101010" }
      danger = { fg = "#ff0000", bold = true }
      selection = { reverse = true }
      """, name: "partial")
    #expect(!theme.defines(.critical))
    #expect(theme.style(for: .critical) == theme.style(for: .danger))
    #expect(theme.style(for: .barOver).foreground == RGB(hex: "#ff0000"))
    #expect(theme.style(for: .danger).background == RGB(hex: "#101010"))
    #expect(
      theme.style(for: .selection)
        == RoleStyle(
          foreground: RGB(hex: "#cccccc"), background: RGB(hex: "#101010"), attributes: .reverse))
    #expect(theme.style(for: .key) == theme.style(for: .text))
  }

  @Test func aRoleThatLooksLikeTextInAReducedPaletteGetsItsMonoAttributes() throws {
    let theme = try Theme.parse(
      """
      text = { fg = "#e0e0e0", bg = "#000000" }
      warn = "#f0f0f0"
      """, name: "close")
    #expect(theme.resolve(Style(.warn), mode: .trueColor).attributes == [])
    let reduced = theme.resolve(Style(.warn), mode: .palette8)
    #expect(reduced.foreground == .basic(.white))
    #expect(reduced.attributes == .underline)
  }

  @Test func shortHandColourSetsTheForeground() throws {
    let theme = try Theme.parse("ok = \"#00ff00\"\n", name: "short")
    #expect(theme.style(for: .ok) == RoleStyle(foreground: RGB(red: 0, green: 255, blue: 0)))
    #expect(theme.resolve(Style(.ok), mode: .palette256).foreground == .indexed(46))
  }
}
