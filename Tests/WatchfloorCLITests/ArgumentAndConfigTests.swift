import Foundation
import Testing

/// The option types (--size, --color, --tz, --speed) and the config file, end to end: exit
/// codes and messages as a user sees them.
@Suite("Options and the config file, run as a user would")
struct ArgumentAndConfigTests {
  /// An empty config directory, so that the account's own config plays no part.
  private func cleanEnvironment() throws -> [String: String] {
    ["XDG_CONFIG_HOME": try temporaryDirectory().path]
  }

  @Test("bad --size, --color, --tz and --speed values are usage errors (exit 2) that say why")
  func badValues() throws {
    let environment = try cleanEnvironment()
    for (arguments, expected) in [
      (["render", "samples", "--size", "0x40"], "'--size <WIDTHxHEIGHT>'"),
      (["render", "samples", "--size", "1001x40"], "'--size <WIDTHxHEIGHT>'"),
      (["render", "samples", "--size", "+80x24"], "'--size <WIDTHxHEIGHT>'"),
      (["render", "samples", "--color", "sometimes"], "'auto', 'always' or 'never'"),
      (["render", "samples", "--tz", "+24:00"], "'--tz <ZONE>'"),
      (["report", "samples", "--day", "2026-01-22", "--tz", "Baghdad"], "'--tz <ZONE>'"),
      (["state", "samples", "--tz", "Asia/Nowhere"], "'--tz <ZONE>'"),
      (["replay", "samples", "--speed", "7"], "'--speed <N>'"),
      (["demo", "--speed", "0.5"], "'--speed <speed>'"),
      (["simulate", "/nonexistent/x.jsonl", "--speed", "3601"], "'--speed <speed>'"),
      (["render", "samples", "--day", "2026-01-22"], "--day goes with --replay"),
    ] {
      let result = try Watchfloor.run(arguments, environment: environment)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.output.isEmpty, "\(arguments)")
      #expect(result.errors.contains(expected), "\(arguments): \(result.errors)")
    }
  }

  @Test("good values: sizes at the limits, 60x speed, a negative offset as a value")
  func goodValues() throws {
    let environment = try cleanEnvironment()
    let small = try Watchfloor.run(
      ["render", "samples", "--size", "1X1", "--color", "never"], environment: environment)
    #expect(small.status == 0)
    // One cell: the "enlarge the terminal" message cut to its ellipsis.
    #expect(small.output == "…\n")
    let west = try Watchfloor.run(
      ["render", "samples", "--size", "80x24", "--tz", "-05:00", "--color", "never"],
      environment: environment)
    #expect(west.status == 0, "\(west.errors)")
    #expect(west.output.contains("UTC-05:00"))
    let replay = try Watchfloor.run(
      ["render", "samples", "--replay", "--day", "2026-01-22", "--size", "120x40"],
      environment: environment)
    #expect(replay.status == 0, "\(replay.errors)")
  }

  @Test("a malformed config is a warning naming the file and line; the command goes on")
  func malformedConfig() throws {
    let home = try temporaryDirectory()
    let directory = home.appendingPathComponent("watchfloor")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("config.toml")
    try "theme = \"night\"\ntz = [\n".write(to: file, atomically: true, encoding: .utf8)
    let result = try Watchfloor.run(
      ["render", "samples", "--size", "120x40", "--color", "never"],
      environment: ["XDG_CONFIG_HOME": home.path])
    #expect(result.status == 0)
    #expect(result.errors.hasPrefix("watchfloor: warning: \(file.path):"))
    #expect(result.errors.contains("not TOML"))
    #expect(result.errors.hasSuffix("; using the defaults\n"))
    #expect(result.output.contains("WATCHFLOOR"))
    #expect(result.output.contains(" UTC "))

    try "tz = \"+03:00\"\nbell = false\n".write(to: file, atomically: true, encoding: .utf8)
    let zoned = try Watchfloor.run(
      ["render", "samples", "--size", "120x40", "--color", "never"],
      environment: ["XDG_CONFIG_HOME": home.path])
    #expect(zoned.status == 0)
    #expect(zoned.errors.isEmpty)
    #expect(zoned.output.contains("UTC+03:00"))
  }
}
