import Foundation
import Testing
import WatchfloorModel

/// Untrusted text echoed by a command (ids, paths, arguments, reasons, log text) reaches the
/// terminal only as visible escapes: the bytes of stdout and stderr are checked, for every
/// command, with the real binary.
@Suite("Nothing untrusted reaches a terminal raw")
struct OutputSanitizingTests {
  /// Sets the window title (OSC 2 ... BEL) and clears the screen (CSI 2 J).
  static let title = "\u{1B}]2;PWNED\u{07}\u{1B}[2J"
  /// 8-bit CSI, next line, a right-to-left override, an isolate and a zero-width space.
  static let formats = "\u{9B}2J\u{85}\u{202E}\u{2066}\u{200B}"
  static let hostile = title + formats

  /// A copy of the samples as one log, so decisions can be written to it.
  static func sampleLog() throws -> URL {
    let directory = try temporaryDirectory()
    let log = directory.appendingPathComponent("log.jsonl")
    var text = ""
    for day in ["2026-01-21", "2026-01-22", "2026-01-23"] {
      text += try String(
        contentsOf: Watchfloor.packageRoot.appendingPathComponent("samples/\(day).jsonl"),
        encoding: .utf8)
    }
    try text.write(to: log, atomically: true, encoding: .utf8)
    return log
  }

  /// A directory source whose file name holds escape sequences, with log text that holds
  /// C1 and bidi characters, a malformed line quoting them and an unknown type.
  static func hostileDirectory() throws -> URL {
    let directory = try temporaryDirectory()
    let file = directory.appendingPathComponent("day\(title).jsonl")
    let lines = [
      #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"karkh","name":"Karkh"#
        + formats + #"","region":"Baghdad","side":"IQ","capacity":3000,"occupancy":100}"#,
      #"{"ts":"2026-01-21T06:01:00Z","type":"incident.reported","incident":"INC-"#
        + formats + #"","sector":"rabia"# + title + #"","severity":"high","kind":"x","#
        + #""summary":"night"# + formats + #""}"#,
      #"{"ts":"2026-01-21T06:02:00Z","type":"airlift.requested","airlift":"AL-"#
        + formats + #"","origin":"hol"}"#,
      "{\"ts\":\"2026-01-21T06:03:00Z\",\"type\":\"x\(hostile)\"}",
      "not json \(hostile)",
    ]
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    return directory
  }

  /// What in `bytes` a terminal would act on or hide: anything but valid UTF-8 with line feeds
  /// and characters the sanitiser leaves alone. With `allowingSGR`, the program's own colour
  /// sequences (ESC [ digits and semicolons m) are allowed.
  static func unsafeCharacters(in bytes: Data, allowingSGR: Bool = false) -> [String] {
    guard let text = String(data: bytes, encoding: .utf8) else { return ["invalid UTF-8"] }
    var found: [String] = []
    var scalars = text.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      if allowingSGR && scalar == "\u{1B}" {
        let sequence = scalars.prefix { $0 != "m" && $0 != "\u{1B}" }
        let isSGR =
          sequence.first == "["
          && sequence.dropFirst().allSatisfy { $0 == ";" || ("0"..."9").contains($0) }
          && scalars.dropFirst(sequence.count).first == "m"
        if isSGR {
          scalars = scalars.dropFirst(sequence.count + 1)
          continue
        }
      }
      if scalar != "\n" && Sanitizer.needsEscape(scalar) {
        found.append("U+" + String(scalar.value, radix: 16, uppercase: true))
      }
    }
    return found
  }

  static func expectClean(
    _ result: CommandResult, _ arguments: [String], allowingSGR: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let output = unsafeCharacters(in: result.outputBytes, allowingSGR: allowingSGR)
    let errors = unsafeCharacters(in: result.errorBytes)
    #expect(output.isEmpty, "stdout of \(arguments): \(output)", sourceLocation: sourceLocation)
    #expect(errors.isEmpty, "stderr of \(arguments): \(errors)", sourceLocation: sourceLocation)
    if !allowingSGR {
      #expect(!result.outputBytes.contains(0x1B), sourceLocation: sourceLocation)
    }
    #expect(!result.outputBytes.contains(0x07), sourceLocation: sourceLocation)
    #expect(!result.errorBytes.contains(0x1B), sourceLocation: sourceLocation)
    #expect(!result.errorBytes.contains(0x07), sourceLocation: sourceLocation)
  }

  @Test("decisions: a bad id and a reason with C1 and bidi characters are echoed escaped")
  func decisionCommands() throws {
    let log = try Self.sampleLog().path
    let common = ["--log", log, "--operator", "noor"]
    for arguments in [
      ["approve", "AL\(Self.hostile)"] + common,
      ["deny", "AL\(Self.hostile)", "--reason", Self.hostile] + common,
      ["hold", "AL\(Self.hostile)", "--reason", Self.hostile] + common,
      ["ack", "INC\(Self.hostile)"] + common,
      ["approve", "AL-0123-11", "--log", log + Self.title, "--operator", "noor"],
      ["approve", "AL-0123-11", "--log", log, "--operator", "noor\(Self.hostile)"],
    ] {
      let result = try Watchfloor.run(arguments)
      #expect(result.status != 0, "\(arguments)")
      #expect(!result.errors.isEmpty, "\(arguments)")
      Self.expectClean(result, arguments)
    }
    let refused = try Watchfloor.run(["approve", "AL\(Self.title)"] + common)
    #expect(refused.errors.contains(#"AL\e]2;PWNED\x07\e[2J"#))

    // A decision that is written echoes its line: the reason escaped as JSON.
    let written = ["deny", "AL-0123-11", "--reason", "x" + Self.hostile] + common
    let result = try Watchfloor.run(written)
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.output.hasPrefix("written: line 158 of "))
    Self.expectClean(result, written)
    #expect(result.output.contains(#""reason":"x\u001b]2;PWNED\u0007\u001b[2J\u009b2J\u0085"#))
  }

  @Test("state, report, validate and render of a log with a hostile reason")
  func readingCommandsAfterAHostileDecision() throws {
    let log = try Self.sampleLog().path
    let deny = try Watchfloor.run([
      "deny", "AL-0123-11", "--reason", "x" + Self.hostile, "--log", log, "--operator", "noor",
    ])
    #expect(deny.status == 0)
    let today = String(deny.output.split(separator: "\"ts\":\"").last?.prefix(10) ?? "")
    for arguments in [
      ["state", log], ["state", log, "--json"], ["validate", log], ["validate", log, "--json"],
      ["report", log, "--day", today], ["report", log, "--day", today, "--format", "markdown"],
      ["report", log, "--day", today, "--format", "json"],
      ["render", log, "--color", "never"], ["render", log, "--color", "never", "--size", "80x24"],
    ] {
      let result = try Watchfloor.run(arguments)
      Self.expectClean(result, arguments)
    }
    let report = try Watchfloor.run(["report", log, "--day", today])
    #expect(report.output.contains(#"x\e]2;PWNED\x07\e[2J\u{009B}2J\u{0085}\u{202E}"#))
    let json = try Watchfloor.run(["report", log, "--day", today, "--format", "json"])
    let decoded = try JSONSerialization.jsonObject(with: json.outputBytes)
    #expect(String(describing: decoded).contains("PWNED"))
    #expect(json.output.contains(#""reason": "x\u001b]2;PWNED\u0007"#))
  }

  @Test("render --color always keeps its own colour sequences and nothing else")
  func renderInColour() throws {
    let log = try Self.sampleLog().path
    _ = try Watchfloor.run([
      "hold", "AL-0123-11", "--reason", "x" + Self.hostile, "--log", log, "--operator", "noor",
    ])
    let directory = try Self.hostileDirectory().path
    for arguments in [
      ["render", log, "--color", "always"], ["render", log, "--color", "always", "--replay"],
      ["render", directory, "--color", "always", "--size", "200x50"],
      ["render", directory, "--color", "never", "--size", "200x50"],
    ] {
      let result = try Watchfloor.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.errors)")
      Self.expectClean(result, arguments, allowingSGR: true)
    }
    let colour = try Watchfloor.run(["render", log, "--color", "always"])
    #expect(colour.output.contains("\u{1B}[0;"))
  }

  @Test("a directory source whose file name and lines hold escapes")
  func hostileDirectorySource() throws {
    let directory = try Self.hostileDirectory().path
    for arguments in [
      ["validate", directory], ["validate", directory, "--json"], ["state", directory],
      ["state", directory, "--json"], ["report", directory, "--day", "2026-01-21"],
      ["report", directory, "--day", "2026-01-21", "--format", "markdown"],
      ["report", directory, "--day", "2026-01-21", "--format", "json"],
      ["report", directory, "--day", "2026-01-22"],
    ] {
      let result = try Watchfloor.run(arguments)
      Self.expectClean(result, arguments)
    }
    let validate = try Watchfloor.run(["validate", directory])
    #expect(validate.status == 1)
    #expect(validate.output.contains(#"day\e]2;PWNED\x07\e[2J.jsonl:5: malformed"#))
    // JSON keeps the same strings, escaped.
    let json = try Watchfloor.run(["validate", directory, "--json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: json.outputBytes) as? [String: Any])
    let files = try #require(object["files"] as? [String])
    #expect(files.first?.hasSuffix("day\(Self.title).jsonl") == true)
    let state = try Watchfloor.run(["state", directory, "--json"])
    #expect((try? JSONSerialization.jsonObject(with: state.outputBytes)) != nil)
  }

  @Test("bad arguments, unknown subcommands and theme files are echoed escaped")
  func badArguments() throws {
    let log = try Self.sampleLog().path
    let hostile = Self.hostile
    let themeFile = try temporaryDirectory().appendingPathComponent("bad\(Self.title).toml")
    try "name = \"x\(hostile)\"\n[colors]\ntext = \"\(hostile)\"\n".write(
      to: themeFile, atomically: true, encoding: .utf8)
    for arguments in [
      ["state", log, "--at", hostile], ["state", log, "--json", "--at", hostile],
      ["report", log, "--day", "2026-01-22", "--tz", hostile],
      ["report", log, "--day", hostile],
      ["report", log, "--day", "2026-01-22", "--format", hostile],
      ["render", log, "--size", hostile], ["render", log, "--theme", hostile],
      ["render", log, "--tz", hostile], ["render", log, "--at", hostile],
      ["render", log, "--color", hostile], ["render", log, "--replay", "--day", hostile],
      ["replay", log, "--day", hostile], ["replay", log, "--speed", hostile],
      ["replay", log, "--at", hostile], ["replay", log, "--theme", hostile],
      ["validate", log + hostile], ["state", "/nonexistent/" + hostile],
      ["themes", hostile], ["themes", themeFile.path],
      [hostile], ["state", log, hostile], ["state", log, "--\(hostile)"],
      ["live", log, "--theme", hostile], ["live", log, "--tz", hostile],
      ["simulate", "--speed", hostile, log + ".sim"], ["demo", "--speed", hostile],
    ] {
      let result = try Watchfloor.run(arguments)
      #expect(result.status != 0, "\(arguments)")
      #expect(!result.errors.isEmpty, "\(arguments)")
      Self.expectClean(result, arguments)
    }
    let unknown = try Watchfloor.run(["x\(Self.title)"])
    #expect(unknown.status == 2)
    #expect(unknown.errors.contains(#"x\e]2;PWNED\x07\e[2J"#))
  }

  @Test("help is written unchanged, to stdout, with exit 0")
  func helpStaysReadable() throws {
    for arguments in [["--help"], ["help", Self.hostile], ["state", "--help"]] {
      let result = try Watchfloor.run(arguments)
      #expect(result.status == 0)
      #expect(result.output.contains("OVERVIEW: "))
      #expect(result.errors.isEmpty)
      Self.expectClean(result, arguments)
    }
  }
}
