import ArgumentParser
import Foundation
import WatchfloorConsole
import WatchfloorModel

/// Options every console screen shares: theme, time zone, operator.
struct ConsoleOptions: ParsableArguments {
  @Option(help: "Theme name (default, high-contrast, night, colorblind, mono) or a .toml path.")
  var theme: String?

  @Option(
    help: ArgumentHelp(
      "Time zone offset for displayed times, e.g. +03:00 (default UTC).", valueName: "±HH:MM"))
  var tz: String?

  @Option(help: "The officer's name (open roster only; default: the account running it).")
  var `operator`: String?

  @Option(
    help: ArgumentHelp(
      "The roster of approvers and viewers (refused when /etc/watchfloor/roster.toml exists; default: roster.toml in the config directory; none: open roster).",
      valueName: "FILE"))
  var roster: String?

  /// The officer, their role and the roster in force; exits 2 on a bad roster or name.
  func identity() throws -> OfficerIdentity {
    try resolveIdentity(roster: roster, operator: `operator`)
  }

  /// The themes to cycle through with `t`, the chosen one first.
  func themes() throws -> [Theme] {
    let catalog = ThemeCatalog()
    var themes: [Theme] = []
    let names = catalog.entries().map(\.name)
    let first = theme ?? UserConfig.load().theme ?? "default"
    do {
      themes.append(try catalog.theme(named: first))
    } catch {
      standardError("watchfloor: \(error)")
      throw ExitCode(2)
    }
    for name in names where name != themes[0].name {
      if let extra = try? catalog.theme(named: name) { themes.append(extra) }
    }
    return themes
  }

  /// The display offset in minutes and its label.
  func timeZone() throws -> (minutes: Int, name: String) {
    try displayTimeZone(tz)
  }
}

/// The display offset in minutes and its label (`UTC`, `UTC+03:00`) for a `--tz` value, or,
/// without one, the user's configured zone, else UTC; exits 2 when it is not an offset.
func displayTimeZone(_ option: String?) throws -> (minutes: Int, name: String) {
  guard let text = option ?? UserConfig.load().timeZone, text.uppercased() != "UTC", text != "Z"
  else {
    return (0, "UTC")
  }
  let pattern = Array(text.utf8)
  // Digits checked one by one: `Int` alone would take "+-1:00" as an hour of -1.
  let isDigit = { (index: Int) in
    pattern[index] >= UInt8(ascii: "0") && pattern[index] <= UInt8(ascii: "9")
  }
  guard pattern.count == 6, pattern[0] == UInt8(ascii: "+") || pattern[0] == UInt8(ascii: "-"),
    [1, 2, 4, 5].allSatisfy(isDigit),
    let hours = Int(String(decoding: pattern[1...2], as: UTF8.self)),
    pattern[3] == UInt8(ascii: ":"),
    let minutes = Int(String(decoding: pattern[4...5], as: UTF8.self)), hours <= 23,
    minutes <= 59
  else {
    standardError("watchfloor: --tz '\(text)' is not an offset like +03:00 or UTC")
    throw ExitCode(2)
  }
  let sign = pattern[0] == UInt8(ascii: "-") ? -1 : 1
  return (sign * (hours * 60 + minutes), "UTC" + text)
}

/// The officer, their role and the roster in force (``OfficerIdentity/resolve``); exits 2
/// with the reason when the roster or the name cannot be accepted.
func resolveIdentity(roster path: String?, operator name: String?) throws -> OfficerIdentity {
  do {
    return try OfficerIdentity.resolve(rosterOption: path, operatorOption: name)
  } catch {
    standardError("watchfloor: \(error)")
    throw ExitCode(2)
  }
}

/// `$XDG_CONFIG_HOME/watchfloor/config.toml`: the default theme, time zone and bell.
struct UserConfig {
  var theme: String?
  var timeZone: String?
  var bell = true

  static func load(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> UserConfig
  {
    var config = UserConfig()
    let base =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? environment["HOME"].map { $0 + "/.config" }
    guard let base,
      let text = try? String(contentsOfFile: base + "/watchfloor/config.toml", encoding: .utf8)
    else { return config }
    // A flat file of `key = value` lines; anything else is ignored.
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(
          in: CharacterSet(charactersIn: "\""))
      }
      guard parts.count == 2 else { continue }
      switch parts[0] {
      case "theme": config.theme = parts[1]
      case "tz", "time_zone": config.timeZone = parts[1]
      case "bell": config.bell = parts[1] != "false"
      default: continue
      }
    }
    return config
  }
}
