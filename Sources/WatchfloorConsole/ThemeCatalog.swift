import Foundation

/// Finds themes by name: the user's theme directory first, then the built-in themes.
///
/// The user's directory is `$XDG_CONFIG_HOME/watchfloor/themes/`, or
/// `~/.config/watchfloor/themes/` when `XDG_CONFIG_HOME` is unset or empty; a file
/// `NAME.toml` there defines theme `NAME` and replaces a built-in theme of that name.
/// Built-in themes are embedded in the binary (``Theme/builtInNames``), so they work from
/// any directory.
public struct ThemeCatalog: Sendable {
  /// Where a theme comes from.
  public enum Source: Hashable, Sendable {
    case builtIn
    /// A file in the user's theme directory, by path.
    case user(path: String)
  }

  /// A theme the catalog can load, not yet parsed.
  public struct Entry: Hashable, Sendable {
    public var name: String
    public var source: Source
  }

  /// The directory searched for user themes, or nil for none.
  public var userDirectory: String?

  public init(userDirectory: String?) {
    self.userDirectory = userDirectory
  }

  /// The catalog for the user's environment (see ``userThemesDirectory(environment:)``).
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.init(userDirectory: ThemeCatalog.userThemesDirectory(environment: environment))
  }

  /// `$XDG_CONFIG_HOME/watchfloor/themes`, else `$HOME/.config/watchfloor/themes`; nil when
  /// neither variable is set.
  public static func userThemesDirectory(environment: [String: String]) -> String? {
    if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
      return config + "/watchfloor/themes"
    }
    if let home = environment["HOME"], !home.isEmpty {
      return home + "/.config/watchfloor/themes"
    }
    return nil
  }

  /// Every theme available, sorted by name; a user theme hides a built-in one of the same
  /// name. A missing or unreadable user directory just adds nothing.
  public func entries() -> [Entry] {
    var byName: [String: Entry] = [:]
    for name in Theme.builtInNames {
      byName[name] = Entry(name: name, source: .builtIn)
    }
    if let userDirectory,
      let files = try? FileManager.default.contentsOfDirectory(atPath: userDirectory)
    {
      for file in files where file.hasSuffix(".toml") && !file.hasPrefix(".") {
        let name = String(file.dropLast(5))
        byName[name] = Entry(name: name, source: .user(path: userDirectory + "/" + file))
      }
    }
    return byName.values.sorted { $0.name < $1.name }
  }

  /// The theme called `name`, or, when `name` contains a `/` or ends in `.toml`, the theme
  /// file at that path.
  ///
  /// - Throws: ``ThemeError`` when no theme has that name (listing the ones that exist) or
  ///   the file has problems.
  public func theme(named name: String) throws(ThemeError) -> Theme {
    if name.contains("/") || name.hasSuffix(".toml") {
      return try Theme.load(path: name)
    }
    if let userDirectory {
      let path = userDirectory + "/" + name + ".toml"
      if FileManager.default.fileExists(atPath: path) {
        return try Theme.load(path: path)
      }
    }
    if let source = Theme.builtInSource(named: name) {
      return try Theme.parse(source, name: name, file: "built-in theme \(name)")
    }
    throw ThemeError.unknownName(name, known: entries().map(\.name))
  }
}
