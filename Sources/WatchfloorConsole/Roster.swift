import Foundation
import TOMLKit
import WatchfloorModel

/// Who may decide: a TOML file listing approvers and viewers by account name.
///
/// ```toml
/// approvers = ["hassan", "layla", "karim", "noor"]
/// viewers = ["supervisor"]
/// ```
/// Names are normalised (``OfficerIdentity/normalizedName(_:)``) and looked up as
/// ``OfficerName`` compares them, ignoring case. A roster is taken whole or not at all: a
/// name that is not a plain printable name, or one listed both as approver and as viewer,
/// refuses the file. Without a roster the console runs in open-roster mode (marked in the
/// header), where any named officer may decide.
public struct Roster: Sendable, Equatable {
  /// The names as written in the roster (normalised).
  public private(set) var approvers: Set<String>
  public private(set) var viewers: Set<String>
  private var approverKeys: Set<String>
  private var viewerKeys: Set<String>

  public init(approvers: Set<String>, viewers: Set<String>) {
    self.approvers = approvers
    self.viewers = viewers
    approverKeys = Set(approvers.map(OfficerName.key))
    viewerKeys = Set(viewers.map(OfficerName.key))
  }

  public func role(of name: String) -> OperatorRole {
    let key = OfficerName.key(name)
    // A name in both lists never loads; should one be built by hand, viewing wins.
    if viewerKeys.contains(key) { return .viewer }
    if approverKeys.contains(key) { return .approver }
    return .unknown
  }

  /// Reads a roster file; the error names the file, the line and what is wrong.
  public static func load(path: String) throws(RosterError) -> Roster {
    guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw RosterError(message: "cannot read roster \(path)")
    }
    return try parse(source, path: path)
  }

  /// Parses a roster's text; `path` names it in errors.
  public static func parse(_ source: String, path: String) throws(RosterError) -> Roster {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: source)
    } catch let error as TOMLParseError {
      throw RosterError(
        message: "\(path):\(error.source.begin.line): TOML syntax: \(error.description)")
    } catch {
      throw RosterError(message: "\(path): TOML syntax: \(error)")
    }
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    /// The line that holds `name` as a string, else the line of `key`, for messages.
    func line(of name: String?, key: String) -> Int {
      if let name {
        for quote in ["\"", "'"] {
          if let index = lines.firstIndex(where: { $0.contains(quote + name + quote) }) {
            return index + 1
          }
        }
      }
      let keyLine = lines.firstIndex {
        $0.trimmingCharacters(in: .whitespaces).hasPrefix(key)
      }
      return (keyLine ?? 0) + 1
    }
    func names(_ key: String) throws(RosterError) -> [String: String] {
      guard let value = table[key] else { return [:] }
      guard let array = value.array else {
        throw RosterError(
          message: "\(path):\(line(of: nil, key: key)): \(key) must be a list of names, "
            + "e.g. [\"hassan\"]")
      }
      var names: [String: String] = [:]
      for element in array {
        guard let raw = element.string else {
          throw RosterError(
            message: "\(path):\(line(of: nil, key: key)): \(key) must hold names in quotes")
        }
        let name: String
        do {
          name = try OfficerIdentity.normalizedName(raw)
        } catch {
          throw RosterError(
            message: "\(path):\(line(of: raw, key: key)): \(error.message) (\(key))")
        }
        names[OfficerName.key(name)] = name
      }
      return names
    }
    for key in table.keys where key != "approvers" && key != "viewers" {
      throw RosterError(
        message: "\(path):\(line(of: nil, key: key)): unknown key \(Sanitizer.sanitize(key)) "
          + "(a roster has approvers and viewers)")
    }
    let approvers = try names("approvers")
    let viewers = try names("viewers")
    if let both = approvers.keys.sorted().first(where: { viewers[$0] != nil }),
      let name = approvers[both]
    {
      throw RosterError(
        message: "\(path):\(line(of: viewers[both], key: "viewers")): \(name) is listed both "
          + "as an approver and as a viewer: a roster must say one or the other")
    }
    return Roster(approvers: Set(approvers.values), viewers: Set(viewers.values))
  }
}

public struct RosterError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var description: String { message }
}
