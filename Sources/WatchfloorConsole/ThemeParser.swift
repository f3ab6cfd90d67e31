import TOMLKit
import WatchfloorModel

/// Reads a theme from the text of a TOML theme file.
///
/// The format (see `themes/default.toml`, which a user can copy): a flat table whose keys
/// are role names (``Role/themeKey``) plus an optional `description` string. A role's
/// value is either a colour string, `"#rrggbb"` or `"#rgb"`, setting its foreground, or a
/// table with any of `fg`, `bg` (colour strings) and `bold`, `dim`, `underline`, `reverse`
/// (booleans). `text = {}` defines a role with nothing set. Inline tables, dotted keys and
/// `[role]` sections are all accepted.
///
/// Every problem is reported, not only the first: TOML syntax errors with TOMLKit's line and
/// column; unknown roles and fields, bad colours and wrong types with the line of the key,
/// found by scanning the text.
enum ThemeParser {
  static let fieldNames = ["fg", "bg"] + TextAttributes.named.map(\.name)

  static func parse(_ source: String, name: String, file: String) throws(ThemeError) -> Theme {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: source)
    } catch let error as TOMLParseError {
      throw ThemeError(
        file: file,
        ThemeError.Issue(
          line: error.source.begin.line, column: error.source.begin.column,
          message: "TOML syntax: \(error.description)"))
    } catch {
      throw ThemeError(file: file, ThemeError.Issue(message: "TOML syntax: \(error)"))
    }

    let locator = KeyLocator(source)
    var issues: [ThemeError.Issue] = []
    var definitions: [Role: RoleStyle] = [:]
    var summary: String?

    func report(_ key: String, field: String? = nil, _ message: String) {
      let path = field.map { "\(key).\($0)" } ?? key
      issues.append(
        ThemeError.Issue(line: locator.line(of: key, field: field), key: path, message: message))
    }

    for (key, value) in table {
      if key == "description" {
        if let text = value.string {
          summary = text
        } else {
          report(key, "expected a string")
        }
        continue
      }
      guard let role = Role(themeKey: key) else {
        report(key, unknownRoleMessage(key))
        continue
      }
      if let text = value.string {
        if let color = RGB(hex: text) {
          definitions[role] = RoleStyle(foreground: color)
        } else {
          report(key, badColorMessage(text))
        }
        continue
      }
      guard let fields = value.table else {
        report(key, "expected a colour like \"#ff5555\" or a table like { fg = \"#ff5555\" }")
        continue
      }
      var style = RoleStyle()
      for (field, fieldValue) in fields {
        switch field {
        case "fg", "bg":
          guard let text = fieldValue.string else {
            report(key, field: field, "expected a colour string like \"#ff5555\"")
            continue
          }
          guard let color = RGB(hex: text) else {
            report(key, field: field, badColorMessage(text))
            continue
          }
          if field == "fg" { style.foreground = color } else { style.background = color }
        default:
          guard let attribute = TextAttributes.named.first(where: { $0.name == field }) else {
            report(
              key, field: field,
              "unknown field; use \(fieldNames.map { "\"\($0)\"" }.joined(separator: ", "))")
            continue
          }
          guard let on = fieldValue.bool else {
            report(key, field: field, "expected true or false")
            continue
          }
          if on { style.attributes.insert(attribute.attribute) }
        }
      }
      definitions[role] = style
    }

    guard issues.isEmpty else {
      throw ThemeError(
        file: file,
        issues: issues.sorted {
          ($0.line ?? Int.max, $0.key ?? "") < ($1.line ?? Int.max, $1.key ?? "")
        })
    }
    return Theme(name: name, summary: summary, definitions: definitions)
  }

  private static func badColorMessage(_ text: String) -> String {
    "\"\(Sanitizer.sanitize(text))\" is not a colour; write \"#rrggbb\", e.g. \"#ff5555\""
  }

  private static func unknownRoleMessage(_ key: String) -> String {
    let names = Role.allCases.map(\.themeKey)
    let nearest = names.min { editDistance(key, $0) < editDistance(key, $1) }
    if let nearest, editDistance(key, nearest) <= 2 {
      return "unknown role (did you mean \"\(nearest)\"?)"
    }
    return "unknown role; roles are \(names.joined(separator: ", "))"
  }

  /// Levenshtein distance, for "did you mean".
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      previous = current
    }
    return previous[b.count]
  }
}

/// Finds the line of a key in TOML text, for error messages. TOMLKit does not report where
/// a key was defined, so the text is scanned: a root key is the first line that starts with
/// it (bare or quoted) followed by `=` or `.`, or a `[key]` section header; a field is
/// looked for after its role's line when that line is a section header, else it is on the
/// role's line (an inline table or a dotted key).
struct KeyLocator {
  private let lines: [Substring]

  init(_ source: String) {
    lines = source.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The 1-based line of `key` (and of `field` in its table, when given), or nil.
  func line(of key: String, field: String? = nil) -> Int? {
    guard let index = lines.firstIndex(where: { startsAssignment($0, key) || isHeader($0, key) })
    else { return nil }
    guard let field, isHeader(lines[index], key) else { return index + 1 }
    var next = index + 1
    while next < lines.count {
      let line = lines[next].drop { $0 == " " || $0 == "\t" }
      if line.hasPrefix("[") { break }
      if startsAssignment(line, field) { return next + 1 }
      next += 1
    }
    return index + 1
  }

  private func startsAssignment(_ line: Substring, _ key: String) -> Bool {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    for spelling in [key, "\"\(key)\"", "'\(key)'"] where trimmed.hasPrefix(spelling) {
      let rest = trimmed.dropFirst(spelling.count).drop { $0 == " " || $0 == "\t" }
      if rest.hasPrefix("=") || rest.hasPrefix(".") { return true }
    }
    return false
  }

  private func isHeader(_ line: Substring, _ key: String) -> Bool {
    let trimmed = line.filter { $0 != " " && $0 != "\t" }
    return trimmed.hasPrefix("[\(key)]") || trimmed.hasPrefix("[\"\(key)\"]")
  }
}
