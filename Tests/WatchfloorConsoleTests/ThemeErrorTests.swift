import Foundation
import Testing
import WatchfloorConsole

@Suite("Theme files with mistakes")
struct ThemeErrorTests {
  private func errors(_ source: String) -> ThemeError? {
    do {
      _ = try Theme.parse(source, name: "bad", file: "themes/bad.toml")
      return nil
    } catch {
      return error
    }
  }

  @Test func unknownRoleIsNamedWithItsLine() throws {
    let error = try #require(
      errors(
        """
        # a comment
        text = "#ffffff"

        dangr = "#ff0000"
        """))
    #expect(error.issues.count == 1)
    #expect(error.issues.first?.line == 4)
    #expect(error.issues.first?.key == "dangr")
    #expect(
      error.description == #"themes/bad.toml:4: dangr: unknown role (did you mean "danger"?)"#)
  }

  @Test func badColourIsNamedWithItsKeyAndLine() throws {
    let error = try #require(
      errors(
        """
        text = "#ffffff"
        ok = "#00ff00"
        warn = { fg = "#ffcc0", bold = true }
        """))
    #expect(error.issues.map(\.line) == [3])
    #expect(error.issues.map(\.key) == ["warn.fg"])
    #expect(error.description.hasPrefix("themes/bad.toml:3: warn.fg: \"#ffcc0\" is not a colour"))
  }

  @Test func everyProblemIsReportedInLineOrder() throws {
    let error = try #require(
      errors(
        """
        text = "white"
        ok = 42
        [danger]
        fg = "#ff0000"
        blink = true
        bold = "yes"
        """))
    #expect(error.issues.map(\.line) == [1, 2, 5, 6])
    #expect(error.issues.map(\.key) == ["text", "ok", "danger.blink", "danger.bold"])
  }

  @Test func tomlSyntaxErrorCarriesItsPosition() throws {
    let error = try #require(
      errors(
        """
        text = "#ffffff"
        ok = { fg = "#00ff00"
        """))
    #expect(error.issues.count == 1)
    #expect(error.issues.first?.line == 2)
    #expect(error.issues.first?.column != nil)
    #expect(error.description.hasPrefix("themes/bad.toml:2:"))
  }

  @Test func quotedAndDottedKeysAreFound() throws {
    let error = try #require(
      errors(
        """
        text = {}
        "okk" = "#00ff00"
        warn.fg = "nope"
        """))
    #expect(error.issues.map(\.line) == [2, 3])
  }
}

@Suite("Theme catalog")
struct ThemeCatalogTests {
  @Test func userDirectoryFollowsXDG() {
    #expect(
      ThemeCatalog.userThemesDirectory(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])
        == "/x/watchfloor/themes")
    #expect(
      ThemeCatalog.userThemesDirectory(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"])
        == "/h/.config/watchfloor/themes")
    #expect(ThemeCatalog.userThemesDirectory(environment: [:]) == nil)
  }

  @Test func builtInThemesWorkWithoutAnyDirectory() throws {
    let catalog = ThemeCatalog(userDirectory: nil)
    #expect(try catalog.theme(named: "night").name == "night")
    #expect(catalog.entries().map(\.name) == Theme.builtInNames.sorted())
  }

  @Test func userThemesAreFoundAndReplaceBuiltInOnes() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("watchfloor-themes-\(UInt64.random(in: 0...UInt64.max))").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try "ok = \"#123456\"\n".write(
      toFile: directory + "/mine.toml", atomically: true, encoding: .utf8)
    try "text = \"#abcdef\"\n".write(
      toFile: directory + "/night.toml", atomically: true, encoding: .utf8)
    try "dangr = \"#ff0000\"\n".write(
      toFile: directory + "/broken.toml", atomically: true, encoding: .utf8)

    let catalog = ThemeCatalog(environment: ["XDG_CONFIG_HOME": "", "HOME": "/nonexistent"])
    #expect(catalog.userDirectory == "/nonexistent/.config/watchfloor/themes")

    let user = ThemeCatalog(userDirectory: directory)
    #expect(try user.theme(named: "mine").style(for: .ok).foreground == RGB(hex: "#123456"))
    #expect(try user.theme(named: "night").style(for: .text).foreground == RGB(hex: "#abcdef"))
    #expect(
      user.entries().first { $0.name == "night" }?.source == .user(path: directory + "/night.toml"))
    #expect(user.entries().count == 7)
    #expect(throws: ThemeError.self) { try user.theme(named: "broken") }
    do {
      _ = try user.theme(named: "broken")
    } catch {
      #expect(error.file == directory + "/broken.toml")
      #expect(error.issues.first?.line == 1)
    }
    #expect(try user.theme(named: directory + "/mine.toml").name == "mine")
  }

  @Test func unknownThemeNameListsTheKnownOnes() {
    do {
      _ = try ThemeCatalog(userDirectory: nil).theme(named: "sunset")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("sunset"))
      #expect(error.description.contains("high-contrast"))
    }
  }
}
