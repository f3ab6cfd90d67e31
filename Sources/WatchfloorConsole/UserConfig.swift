import Foundation
import TOMLKit
import WatchfloorModel

/// The user's settings, `$XDG_CONFIG_HOME/watchfloor/config.toml` (else
/// `~/.config/watchfloor/config.toml`): the default theme, the display zone and the bell.
///
/// ```toml
/// theme = "night"
/// tz = "+03:00"      # or time_zone
/// bell = false
/// escalate_after = "5m"   # a critical incident unacknowledged this long rings again
/// stale_after = "15m"     # the log this long without a new line is FEED STALE
/// ```
///
/// A config never stops a console from opening: a file that is not TOML, a value of the wrong
/// type or an unknown key is reported in ``warnings`` (each naming the file and the line) and
/// the console goes on with the defaults for what could not be read. A missing file is no
/// warning: it is the default.
public struct UserConfig: Sendable, Equatable {
  /// A theme name or a `.toml` path; nil: `default`.
  public var theme: String?
  /// nil: UTC.
  public var timeZone: DisplayZone?
  public var bell = true
  /// Seconds a critical incident may wait for acknowledgement before it escalates.
  public var escalateAfterSeconds: Int64 = 300
  /// Seconds without a new line before the feed is stale.
  public var staleAfterSeconds: Int64 = 900
  /// What was wrong with the file, one line each: `PATH:LINE: what; what is used instead`.
  public var warnings: [String] = []

  public init(theme: String? = nil, timeZone: DisplayZone? = nil, bell: Bool = true) {
    self.theme = theme
    self.timeZone = timeZone
    self.bell = bell
  }

  /// The config file's path for this environment, or nil when neither `XDG_CONFIG_HOME` nor
  /// `HOME` is set.
  public static func path(environment: [String: String]) -> String? {
    let base =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? environment["HOME"].map { $0 + "/.config" }
    return base.map { $0 + "/watchfloor/config.toml" }
  }

  /// Reads the user's config; the defaults when there is none. Never throws: see ``warnings``.
  public static func load(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> UserConfig {
    guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path)
    else { return UserConfig() }
    guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
      var config = UserConfig()
      config.warnings.append("\(path): cannot read it as UTF-8 text; using the defaults")
      return config
    }
    return parse(source, path: path)
  }

  /// Reads a config's text; `path` names it in warnings.
  public static func parse(_ source: String, path: String) -> UserConfig {
    var config = UserConfig()
    let table: TOMLTable
    do {
      table = try TOMLTable(string: source)
    } catch let error as TOMLParseError {
      config.warnings.append(
        "\(path):\(error.source.begin.line): not TOML (\(error.description)); using the defaults")
      return config
    } catch {
      config.warnings.append("\(path): not TOML (\(error)); using the defaults")
      return config
    }
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    // TOMLKit keeps no positions for values: the line is the first that starts with the key.
    func line(of key: String) -> Int {
      let index = lines.firstIndex {
        let trimmed = $0.drop { $0 == " " || $0 == "\t" }
        return trimmed.hasPrefix(key)
          && trimmed.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }.first == "="
      }
      return (index ?? 0) + 1
    }
    var found: [(line: Int, message: String)] = []
    func warn(_ key: String, _ message: String) {
      found.append((line(of: key), message))
    }
    for key in table.keys.sorted() {
      guard let value = table[key] else { continue }
      switch key {
      case "theme":
        if let name = value.string {
          config.theme = name
        } else {
          warn(key, "theme must be a name in quotes, e.g. \"night\"; using the default theme")
        }
      case "tz", "time_zone":
        if let text = value.string, let zone = DisplayZone(text) {
          config.timeZone = zone
        } else {
          let shown = value.string.map { "\"\(Sanitizer.sanitize($0))\"" } ?? "the value"
          warn(
            key,
            "\(key) \(shown) is not an offset like \"+03:00\", \"UTC\" or a zone name like \"Asia/Baghdad\"; using UTC"
          )
        }
      case "bell":
        if let bell = value.bool {
          config.bell = bell
        } else {
          warn(key, "bell must be true or false; the bell stays on")
        }
      case "escalate_after", "stale_after":
        let escalate = key == "escalate_after"
        if let text = value.string, let seconds = ConfigDuration.seconds(text) {
          if escalate {
            config.escalateAfterSeconds = seconds
          } else {
            config.staleAfterSeconds = seconds
          }
        } else {
          let shown = value.string.map { "\"\(Sanitizer.sanitize($0))\"" } ?? "the value"
          let fallback = escalate ? "5m" : "15m"
          warn(
            key,
            "\(key) \(shown) is not a duration like \"90s\", \"5m\" or \"1h\"; using \(fallback)")
        }
      default:
        warn(
          key,
          "unknown key \(Sanitizer.sanitize(key)) (the config has theme, tz, bell, escalate_after "
            + "and stale_after); ignored"
        )
      }
    }
    // In the file's order, as the officer reads it.
    config.warnings = found.sorted { $0.line < $1.line }.map { "\(path):\($0.line): \($0.message)" }
    return config
  }
}
