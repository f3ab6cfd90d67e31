import Foundation
import WatchfloorModel

/// Where the roster in force comes from, most binding first.
public enum RosterSource: Sendable, Equatable {
  /// `/etc/watchfloor/roster.toml`: nothing an account sets can replace it.
  case system(path: String)
  /// `--roster FILE`.
  case file(path: String)
  /// The account's own `roster.toml` in its config directory.
  case personal(path: String)
  /// No roster: anyone named decides (demos, tests, a single officer's machine).
  case open
  /// A database log: the officer is the role the server knows, and its groups decide.
  case database

  /// The system roster's path.
  public static let systemPath = "/etc/watchfloor/roster.toml"
}

/// Who is at the console: the officer's name as it is written in `by`, their role, and the
/// roster that gave it.
public struct OfficerIdentity: Sendable, Equatable {
  public var name: String
  public var role: OperatorRole
  public var roster: RosterSource

  public init(name: String, role: OperatorRole, roster: RosterSource) {
    self.name = name
    self.role = role
    self.roster = roster
  }

  public var rosterIsOpen: Bool { roster == .open }

  /// The identity in force for this process.
  ///
  /// The officer is the real account (``SystemAccount``). The roster is, in this order: the
  /// system roster when it exists (then `rosterOption` may only name that same file, and
  /// `operatorOption` is refused); `rosterOption`; the account's own `roster.toml`
  /// (`$XDG_CONFIG_HOME/watchfloor/`, else `~/.config/watchfloor/`); else the open roster,
  /// where `operatorOption` may name the officer. Every name is normalised
  /// (``normalizedName(_:)``).
  /// - Throws: ``IdentityError`` naming what is wrong; the command exits 2.
  public static func resolve(
    rosterOption: String?, operatorOption: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    systemRosterPath: String = RosterSource.systemPath,
    account: String = SystemAccount.currentName()
  ) throws(IdentityError) -> OfficerIdentity {
    let source = try rosterSource(
      option: rosterOption, environment: environment, systemPath: systemRosterPath)
    let roster: Roster
    switch source {
    case .open:
      let name = try normalizedName(operatorOption ?? account)
      return OfficerIdentity(name: name, role: .approver, roster: .open)
    case .system(let path), .file(let path), .personal(let path):
      do {
        roster = try Roster.load(path: path)
      } catch {
        throw IdentityError(message: error.message)
      }
    case .database:
      // rosterSource(option:…) never answers this: a database log's identity is its role.
      throw IdentityError(message: "a database log's officer is the database role")
    }
    if operatorOption != nil {
      throw IdentityError(
        message: "--operator is for open-roster mode; with a roster the officer is the account "
          + "running the command (\(account))")
    }
    let name = try normalizedName(account)
    return OfficerIdentity(name: name, role: roster.role(of: name), roster: source)
  }

  /// Which roster governs. A system roster that exists but cannot be examined is an error,
  /// never a reason to fall back to a weaker mode.
  static func rosterSource(
    option: String?, environment: [String: String], systemPath: String
  ) throws(IdentityError) -> RosterSource {
    var info = stat()
    if lstat(systemPath, &info) == 0 {
      if let option, !sameFile(option, systemPath) {
        throw IdentityError(
          message: "the system roster \(systemPath) is in force: --roster \(option) is refused")
      }
      return .system(path: systemPath)
    }
    let code = errno
    guard code == ENOENT || code == ENOTDIR else {
      throw IdentityError(
        message:
          "cannot examine the system roster \(systemPath): \(String(cString: strerror(code)))"
      )
    }
    if let option { return .file(path: option) }
    let base =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? environment["HOME"].map { $0 + "/.config" }
    guard let base else { return .open }
    let personal = base + "/watchfloor/roster.toml"
    guard lstat(personal, &info) == 0 else { return .open }
    return .personal(path: personal)
  }

  /// Whether two paths name one file (same device and inode).
  private static func sameFile(_ first: String, _ second: String) -> Bool {
    var a = stat()
    var b = stat()
    guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino
  }

  /// `raw` as names are written: white space around it trimmed, Unicode NFC.
  /// - Throws: ``IdentityError`` when nothing is left, or the name holds a control or format
  ///   character (zero-width and bidi characters included): such a name could pass for
  ///   another on screen.
  public static func normalizedName(_ raw: String) throws(IdentityError) -> String {
    let trimmed = OfficerName.trimmed(raw)
    guard !trimmed.isEmpty else {
      throw IdentityError(message: "an officer's name cannot be empty")
    }
    if let scalar = OfficerName.forbiddenScalar(in: trimmed) {
      let code = String(scalar.value, radix: 16, uppercase: true)
      let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
      throw IdentityError(
        message: "the name \"\(Sanitizer.sanitize(trimmed))\" holds U+\(padded), "
          + "which no officer's name may hold")
    }
    return trimmed.precomposedStringWithCanonicalMapping
  }
}

/// The officer or the roster cannot be established; the message says why.
public struct IdentityError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var description: String { message }
}
