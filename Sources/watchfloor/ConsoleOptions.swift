import ArgumentParser
import Foundation
import WatchfloorConsole
import WatchfloorLog
import WatchfloorModel

/// Options every console screen shares: theme, time zone, operator, roster.
struct ConsoleOptions: ParsableArguments {
  @Option(help: "Theme name (default, high-contrast, night, colorblind, mono) or a .toml path.")
  var theme: String?

  // Unconditional, so that `--tz -05:00` is read as a value rather than as an option.
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Time zone for displayed times: UTC, an offset like +03:00 or a zone name like "
        + "Asia/Baghdad (default: the configured zone, else UTC).", valueName: "ZONE"))
  var tz: ZoneArgument?

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

  /// The officer at a console on `location`: the roster's for a file; for a database, the
  /// role the server knows us as, an approver when it is in watchfloor_officer. Exits 2 when
  /// the roster, the name or the database cannot be accepted.
  func identity(for location: LogLocation) throws -> OfficerIdentity {
    guard case .database(let url) = location else { return try identity() }
    if `operator` != nil || roster != nil {
      standardError(
        "watchfloor: --operator and --roster do not apply to a database log: the officer is "
          + "the role you connect as (\(url.user)), and its groups decide (watchfloor db grant)")
      throw ExitCode(2)
    }
    do {
      let decisions = try DatabaseDecisions(url: url)
      return OfficerIdentity(
        name: decisions.officer, role: decisions.canDecide ? .approver : .viewer,
        roster: .database)
    } catch {
      throw databaseExit(error)
    }
  }

  /// The officer at a console on the log SOURCE arguments name.
  func identity(forSources sources: [String]) throws -> OfficerIdentity {
    do {
      return try identity(for: LogLocation.parse(sources))
    } catch let error as DatabaseError {
      throw databaseExit(error)
    }
  }

  /// The themes to cycle through with `t`, the chosen one first (`--theme`, else the config's,
  /// else `default`); exits 2 when the chosen one cannot be loaded.
  func themes(config: UserConfig) throws -> [Theme] {
    let catalog = ThemeCatalog()
    let first: Theme
    do {
      first = try catalog.theme(named: theme ?? config.theme ?? "default")
    } catch {
      standardError("watchfloor: \(error)")
      throw ExitCode(2)
    }
    var themes = [first]
    for name in catalog.entries().map(\.name) where name != first.name {
      if let extra = try? catalog.theme(named: name) { themes.append(extra) }
    }
    return themes
  }

  /// `--tz`, else the config's zone, else UTC.
  func zone(config: UserConfig) -> DisplayZone {
    tz?.zone ?? config.timeZone ?? .utc
  }
}

/// The user's config (``UserConfig``), its problems written to standard error as warnings:
/// a bad config never stops a command, which goes on with the defaults.
func loadUserConfig() -> UserConfig {
  let config = UserConfig.load()
  for warning in config.warnings { standardError("watchfloor: warning: \(warning)") }
  return config
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
