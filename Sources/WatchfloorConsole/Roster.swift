import Foundation
import TOMLKit
import WatchfloorModel

/// Who may decide: a TOML file listing approvers and viewers by OS account name.
///
/// ```toml
/// approvers = ["hassan", "layla", "karim", "noor"]
/// viewers = ["supervisor"]
/// ```
/// Without a roster the console runs in open-roster mode (marked in the header), where any
/// named officer may decide.
public struct Roster: Sendable, Equatable {
  public var approvers: Set<String>
  public var viewers: Set<String>

  public init(approvers: Set<String>, viewers: Set<String>) {
    self.approvers = approvers
    self.viewers = viewers
  }

  public func role(of name: String) -> OperatorRole {
    if approvers.contains(name) { return .approver }
    if viewers.contains(name) { return .viewer }
    return .unknown
  }

  /// Reads a roster file; the error names the file and what is wrong with it.
  public static func load(path: String) throws(RosterError) -> Roster {
    guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw RosterError(message: "cannot read roster \(path)")
    }
    let table: TOMLTable
    do {
      table = try TOMLTable(string: source)
    } catch let error as TOMLParseError {
      throw RosterError(
        message: "\(path):\(error.source.begin.line): TOML syntax: \(error.description)")
    } catch {
      throw RosterError(message: "\(path): TOML syntax: \(error)")
    }
    func names(_ key: String) throws(RosterError) -> Set<String> {
      guard let value = table[key] else { return [] }
      guard let array = value.array else {
        throw RosterError(message: "\(path): \(key) must be a list of names, e.g. [\"hassan\"]")
      }
      var names: Set<String> = []
      for element in array {
        guard let name = element.string, !name.isEmpty else {
          throw RosterError(message: "\(path): \(key) must hold non-empty names")
        }
        names.insert(name)
      }
      return names
    }
    for key in table.keys where key != "approvers" && key != "viewers" {
      throw RosterError(message: "\(path): unknown key \(key) (a roster has approvers and viewers)")
    }
    return Roster(approvers: try names("approvers"), viewers: try names("viewers"))
  }

  /// The roster in force: `--roster FILE`, else `roster.toml` in the config directory, else none.
  public static func resolve(
    explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(RosterError) -> Roster? {
    if let explicit { return try load(path: explicit) }
    let base =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? environment["HOME"].map { $0 + "/.config" }
    guard let base else { return nil }
    let path = base + "/watchfloor/roster.toml"
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try load(path: path)
  }
}

public struct RosterError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var description: String { message }
}
