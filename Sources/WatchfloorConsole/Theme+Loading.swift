import Foundation

extension Theme {
  /// Reads a theme from the text of a theme file (format: see ``ThemeParser`` and
  /// `themes/default.toml`).
  ///
  /// - Parameters:
  ///   - name: The theme's name.
  ///   - file: How errors name the source; defaults to `name`.
  /// - Throws: ``ThemeError`` listing every problem with its line and key.
  public static func parse(_ source: String, name: String, file: String? = nil)
    throws(ThemeError) -> Theme
  {
    try ThemeParser.parse(source, name: name, file: file ?? name)
  }

  /// Reads the theme file at `path`; the theme is named after the file, without `.toml`.
  ///
  /// - Throws: ``ThemeError`` when the file cannot be read as UTF-8 or has problems.
  public static func load(path: String) throws(ThemeError) -> Theme {
    // Opened by the system first, so the error says why in its words (ENOENT, EACCES…).
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw ThemeError.cannotOpen(path, reason: String(cString: strerror(errno)))
    }
    close(descriptor)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ThemeError.cannotOpen(path, reason: "cannot be read")
    }
    guard let source = String(data: data, encoding: .utf8) else {
      throw ThemeError.cannotOpen(path, reason: "not UTF-8 text")
    }
    var name = (path as NSString).lastPathComponent
    if name.hasSuffix(".toml") { name.removeLast(5) }
    return try parse(source, name: name, file: path)
  }

  /// The built-in theme `name` (one of ``builtInNames``), or nil when there is none.
  public static func builtIn(named name: String) -> Theme? {
    guard let source = builtInSource(named: name) else { return nil }
    return try? parse(source, name: name, file: "built-in theme \(name)")
  }

  /// The built-in `default` theme. (Tests check every built-in theme parses; were it ever
  /// broken, this would be a theme with no definitions: plain text, mono attributes.)
  public static let standard: Theme =
    builtIn(named: "default") ?? Theme(name: "default", definitions: [:])
}
