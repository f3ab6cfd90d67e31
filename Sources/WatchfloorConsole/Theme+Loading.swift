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
    let source: String
    do {
      source = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw ThemeError(file: path, ThemeError.Issue(message: "cannot read the file: \(error)"))
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
