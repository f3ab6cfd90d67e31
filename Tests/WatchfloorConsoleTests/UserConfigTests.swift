import Foundation
import Testing
import WatchfloorConsole
import WatchfloorModel

@Suite("The user's config file and display zones")
struct UserConfigTests {
  @Test("theme, tz (or time_zone) and bell are read as TOML")
  func readsKeys() {
    let config = UserConfig.parse(
      "# mine\ntheme = \"night\"\ntz = \"+03:00\"\nbell = false\n", path: "/c/config.toml")
    #expect(config.theme == "night")
    #expect(config.timeZone == DisplayZone("+03:00"))
    #expect(config.timeZone?.minutes(at: Timestamp(seconds: 0)) == 180)
    #expect(config.bell == false)
    #expect(config.warnings.isEmpty)
    let other = UserConfig.parse("time_zone = 'UTC'\n", path: "/c/config.toml")
    #expect(other.timeZone == .utc)
    #expect(other.bell)
  }

  @Test("a file that is not TOML is named with its line, and the defaults are used")
  func malformedFile() {
    let config = UserConfig.parse(
      "theme = \"night\"\nbell = \nnonsense\n", path: "/home/x/.config/watchfloor/config.toml")
    #expect(config == UserConfig(theme: nil, timeZone: nil, bell: true).withWarnings(config))
    #expect(config.theme == nil)
    #expect(config.warnings.count == 1)
    let warning = config.warnings.first ?? ""
    #expect(warning.hasPrefix("/home/x/.config/watchfloor/config.toml:2: not TOML ("))
    #expect(warning.hasSuffix("; using the defaults"))
  }

  @Test("a bad value or an unknown key is a warning on its line; the rest of the file counts")
  func badValues() {
    let config = UserConfig.parse(
      "theme = \"night\"\n\ntz = \"Baghdad\"\nbell = \"no\"\ncolour = 3\n", path: "c.toml")
    #expect(config.theme == "night")
    #expect(config.timeZone == nil)
    #expect(config.bell)
    #expect(
      config.warnings == [
        "c.toml:3: tz \"Baghdad\" is not an offset like \"+03:00\", \"UTC\" or a zone name like \"Asia/Baghdad\"; using UTC",
        "c.toml:4: bell must be true or false; the bell stays on",
        "c.toml:5: unknown key colour (the config has theme, tz, bell, escalate_after and "
          + "stale_after); ignored",
      ])
  }

  @Test("escalate_after and stale_after are durations: 90s, 5m, 1h, 1h30m; 5m and 15m by default")
  func durations() {
    let defaults = UserConfig.parse("", path: "c.toml")
    #expect(defaults.escalateAfterSeconds == 300 && defaults.staleAfterSeconds == 900)
    let config = UserConfig.parse(
      "escalate_after = \"90s\"\nstale_after = \"1h30m\"\n", path: "c.toml")
    #expect(config.escalateAfterSeconds == 90)
    #expect(config.staleAfterSeconds == 5400)
    #expect(config.warnings.isEmpty)
    let minutes = UserConfig.parse("escalate_after = \"7m\"\n", path: "c.toml")
    #expect(minutes.escalateAfterSeconds == 420)
  }

  @Test("a duration without a unit, zero, or of the wrong type is a warning; the default is used")
  func badDurations() {
    let config = UserConfig.parse(
      "escalate_after = \"5\"\nstale_after = 15\n", path: "c.toml")
    #expect(config.escalateAfterSeconds == 300 && config.staleAfterSeconds == 900)
    #expect(
      config.warnings == [
        "c.toml:1: escalate_after \"5\" is not a duration like \"90s\", \"5m\" or \"1h\"; using 5m",
        "c.toml:2: stale_after the value is not a duration like \"90s\", \"5m\" or \"1h\"; using 15m",
      ])
    let zero = UserConfig.parse("stale_after = \"0m\"\n", path: "c.toml")
    #expect(zero.staleAfterSeconds == 900 && zero.warnings.count == 1)
  }

  @Test("no file is the defaults without a warning; the path follows XDG_CONFIG_HOME, else HOME")
  func location() throws {
    #expect(
      UserConfig.path(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])
        == "/x/watchfloor/config.toml")
    #expect(
      UserConfig.path(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"])
        == "/h/.config/watchfloor/config.toml")
    #expect(UserConfig.path(environment: [:]) == nil)
    let empty = FileManager.default.temporaryDirectory
      .appendingPathComponent("watchfloor-config-\(UUID().uuidString)")
    #expect(UserConfig.load(environment: ["XDG_CONFIG_HOME": empty.path]) == UserConfig())
    let directory = empty.appendingPathComponent("watchfloor")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try "bell = false\n".write(
      to: directory.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    #expect(UserConfig.load(environment: ["XDG_CONFIG_HOME": empty.path]).bell == false)
  }

  @Test("zones: UTC, ±HH:MM (hours to 23, minutes to 59, digits only) or a zoneinfo name")
  func zones() {
    #expect(DisplayZone("UTC") == .utc)
    #expect(DisplayZone("z") == .utc)
    #expect(DisplayZone("-05:00")?.minutes(at: Timestamp(seconds: 0)) == -300)
    #expect(DisplayZone("-05:00")?.name == "UTC-05:00")
    #expect(DisplayZone("+05:45")?.minutes(at: Timestamp(seconds: 0)) == 345)
    for bad in [
      "+24:00", "+03:60", "+-1:00", "03:00", "+3:00", "+03:00:00", "", "Baghdad", "Asia/Nowhere",
      "../../etc/passwd", "/usr/share/zoneinfo/UTC",
    ] {
      #expect(DisplayZone(bad) == nil, "\(bad)")
    }
  }

  @Test("a named zone shows each time at the offset in force then")
  func namedZones() throws {
    let baghdad = try #require(DisplayZone("Asia/Baghdad"))
    #expect(baghdad.name == "Asia/Baghdad")
    #expect(baghdad.minutes(at: Timestamp(seconds: 1_769_126_400)) == 180)
    // New York: -05:00 in January, -04:00 in July (daylight saving).
    let newYork = try #require(DisplayZone("America/New_York"))
    #expect(newYork.minutes(at: Timestamp(seconds: 1_769_126_400)) == -300)
    #expect(newYork.minutes(at: Timestamp(seconds: 1_784_000_000)) == -240)
    #expect(newYork.minutes(onDate: "2026-07-01") == -240)
    let config = UserConfig.parse("tz = \"Asia/Baghdad\"\n", path: "/c/config.toml")
    #expect(config.timeZone == baghdad)
    #expect(config.warnings.isEmpty)
  }
}

extension UserConfig {
  /// This config with `other`'s warnings, to compare the settings alone.
  fileprivate func withWarnings(_ other: UserConfig) -> UserConfig {
    var copy = self
    copy.warnings = other.warnings
    return copy
  }
}
