/// Why a theme could not be loaded: the file and every problem found in it, each with the
/// line (1-based) and key it concerns when known.
///
/// Its description is one line per problem, in line order, in the form compilers use:
/// `themes/bad.toml:7: dangr: unknown role (did you mean "danger"?)`.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
  /// One problem in a theme file.
  public struct Issue: Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known (TOML syntax errors).
    public var column: Int?
    /// The key concerned, `role` or `role.field`, when there is one.
    public var key: String?
    /// What is wrong, for a person.
    public var message: String

    public init(line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
      self.line = line
      self.column = column
      self.key = key
      self.message = message
    }

    /// `line:column: key: message`, leaving out what is unknown.
    public var description: String {
      var parts: [String] = []
      if let line { parts.append(String(line)) }
      if let column { parts.append(String(column)) }
      if let key { parts.append(key) }
      parts.append(message)
      return parts.joined(separator: ": ")
    }
  }

  /// The file (a path, or a built-in theme's name) or the name looked up.
  public var file: String
  /// The problems, in line order; never empty.
  public var issues: [Issue]
  /// A whole-file problem said in one line of its own (the file cannot be opened, no theme
  /// has the name), instead of `file:issue` lines.
  public var headline: String?

  public init(file: String, issues: [Issue]) {
    self.file = file
    self.issues = issues
  }

  /// `cannot open theme FILE: No such file or directory`.
  public static func cannotOpen(_ path: String, reason: String) -> ThemeError {
    var error = ThemeError(file: path, Issue(message: reason))
    error.headline = "cannot open theme \(path): \(reason)"
    return error
  }

  /// `no theme named "nosuch" (have: colorblind, default, …)`.
  public static func unknownName(_ name: String, known: [String]) -> ThemeError {
    var error = ThemeError(file: name, Issue(message: "no theme of that name"))
    error.headline = "no theme named \"\(name)\" (have: \(known.joined(separator: ", ")))"
    return error
  }

  public init(file: String, _ issue: Issue) {
    self.init(file: file, issues: [issue])
  }

  public var description: String {
    headline ?? issues.map { "\(file):\($0)" }.joined(separator: "\n")
  }
}
