import Foundation
import Testing
import WatchfloorConsole
import WatchfloorModel

@Suite("The officer and the roster in force")
struct OfficerIdentityTests {
  /// A fresh directory with `files` (relative path → text) written in it.
  private func directory(_ files: [String: String] = [:]) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("watchfloor-identity-\(UUID().uuidString)")
    for (path, text) in files {
      let file = url.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
    }
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private let roster = "approvers = [\"root\", \"Hassan\"]\nviewers = [\"nobody\"]\n"

  private func resolve(
    roster option: String? = nil, operator name: String? = nil, home: URL,
    system: URL, account: String = "hassan"
  ) throws(IdentityError) -> OfficerIdentity {
    try OfficerIdentity.resolve(
      rosterOption: option, operatorOption: name,
      environment: ["XDG_CONFIG_HOME": home.appendingPathComponent("config").path],
      systemRosterPath: system.appendingPathComponent("etc/watchfloor/roster.toml").path,
      account: account)
  }

  @Test("the account comes from the user database, never from the environment")
  func systemAccount() {
    #expect(SystemAccount.name(of: 0) == "root")
    #expect(SystemAccount.name(of: 3_999_999) == "uid:3999999")
    let expected = String(cString: getpwuid(geteuid()).pointee.pw_name)
    setenv("USER", "someone-else", 1)
    setenv("LOGNAME", "someone-else", 1)
    #expect(SystemAccount.currentName() == expected)
  }

  @Test("a system roster governs: --roster elsewhere and --operator are refused")
  func systemRoster() throws {
    let system = try directory(["etc/watchfloor/roster.toml": roster])
    let home = try directory(["config/watchfloor/roster.toml": "approvers = [\"hassan\"]\n"])
    let other = try directory(["mine.toml": "approvers = [\"hassan\"]\n"])
    let systemPath = system.appendingPathComponent("etc/watchfloor/roster.toml").path
    let identity = try resolve(home: home, system: system)
    #expect(identity.roster == .system(path: systemPath))
    #expect(identity.role == .approver)
    #expect(try resolve(home: home, system: system, account: "nobody").role == .viewer)
    #expect(try resolve(home: home, system: system, account: "mallory").role == .unknown)
    #expect(try resolve(roster: systemPath, home: home, system: system).roster != .open)
    let otherPath = other.appendingPathComponent("mine.toml").path
    #expect {
      try resolve(roster: otherPath, home: home, system: system)
    } throws: { error in
      "\(error)" == "the system roster \(systemPath) is in force: --roster \(otherPath) is refused"
    }
    #expect {
      try resolve(operator: "root", home: home, system: system)
    } throws: { error in
      "\(error)".hasPrefix("--operator is for open-roster mode")
    }
  }

  @Test("without a system roster: --roster, else the personal roster, else the open roster")
  func fallbacks() throws {
    let system = try directory()
    let home = try directory(["config/watchfloor/roster.toml": roster])
    let empty = try directory()
    let file = try directory(["r.toml": "approvers = [\"layla\"]\n"])
    let filePath = file.appendingPathComponent("r.toml").path
    let explicit = try resolve(roster: filePath, home: home, system: system, account: "layla")
    #expect(explicit.roster == .file(path: filePath) && explicit.role == .approver)
    let personal = try resolve(home: home, system: system)
    #expect(
      personal.roster
        == .personal(path: home.appendingPathComponent("config/watchfloor/roster.toml").path))
    #expect(personal.role == .approver)
    let open = try resolve(operator: "  Noor\t", home: empty, system: system)
    #expect(open == OfficerIdentity(name: "Noor", role: .approver, roster: .open))
    #expect(try resolve(home: empty, system: system, account: "root").name == "root")
  }

  @Test("a system roster that cannot be read is an error, not the open roster")
  func unreadableSystemRoster() throws {
    // A dangling link where the roster should be: it exists but cannot be read.
    let system = try directory()
    let folder = system.appendingPathComponent("etc/watchfloor")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("roster.toml").path, withDestinationPath: "/nowhere")
    #expect {
      try resolve(operator: "root", home: try directory(), system: system)
    } throws: { error in
      "\(error)".contains("roster")
    }
  }

  @Test("names are trimmed and NFC; control and format characters are refused")
  func normalisation() throws {
    #expect(try OfficerIdentity.normalizedName(" alice ") == "alice")
    let composed = try OfficerIdentity.normalizedName("Zoe\u{301}")
    #expect(Array(composed.unicodeScalars).map(\.value) == [0x5A, 0x6F, 0xE9])
    for bad in ["ali\u{200B}ce", "ali\u{202E}ce", "a\u{1B}[2J", "a\u{9B}b", "", " \t "] {
      #expect(throws: IdentityError.self) { try OfficerIdentity.normalizedName(bad) }
    }
    #expect {
      try OfficerIdentity.normalizedName("ali\u{200B}ce")
    } throws: { error in
      "\(error)" == #"the name "ali\u{200B}ce" holds U+200B, which no officer's name may hold"#
    }
  }

  @Test("a roster is looked up ignoring case, and refused whole for a name in both lists")
  func rosterRules() throws {
    let parsed = try Roster.parse(roster, path: "r.toml")
    #expect(parsed.role(of: "hassan") == .approver)
    #expect(parsed.role(of: "ROOT") == .approver)
    #expect(parsed.role(of: "Nobody ") == .viewer)
    #expect(parsed.role(of: "layla") == .unknown)
    #expect {
      try Roster.parse(
        "# the night shift\napprovers = [\"hassan\", \"layla\"]\nviewers = [\"Layla\"]\n",
        path: "r.toml")
    } throws: { error in
      "\(error)"
        == "r.toml:3: layla is listed both as an approver and as a viewer: a roster must say "
        + "one or the other"
    }
    #expect {
      try Roster.parse("approvers = [\n  \"hassan\",\n  \"ali\\u200Bce\",\n]\n", path: "r.toml")
    } throws: { error in
      "\(error)".hasPrefix("r.toml:1: the name \"ali\\u{200B}ce\" holds U+200B")
    }
    #expect {
      try Roster.parse("approvers = [\"hassan\"]\nviewers = [\"  \"]\n", path: "r.toml")
    } throws: { error in
      "\(error)" == "r.toml:2: an officer's name cannot be empty (viewers)"
    }
    #expect {
      try Roster.parse("approvers = [\"hassan\"]\nadmins = [\"x\"]\n", path: "r.toml")
    } throws: { error in
      "\(error)" == "r.toml:2: unknown key admins (a roster has approvers and viewers)"
    }
  }
}
