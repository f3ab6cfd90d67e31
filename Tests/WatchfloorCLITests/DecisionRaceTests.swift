import Foundation
import Testing
import WatchfloorProcess

/// Decisions through the CLI, and many of them at once on one log.
@Suite("Decisions from scripts", .serialized)
struct DecisionRaceTests {
  /// Runs `commands` at the same time; returns each one's exit status, in order.
  func race(_ commands: [String]) throws -> [Int32] {
    let directory = try temporaryDirectory()
    var script = ""
    for (index, command) in commands.enumerated() {
      script += "(\(command) >/dev/null 2>&1; echo $? > \(directory.path)/\(index)) &\n"
    }
    script += "wait\n"
    _ = try ChildProcess.run(["/bin/sh", "-c", script])
    return try commands.indices.map { index in
      let text = try String(contentsOfFile: "\(directory.path)/\(index)", encoding: .utf8)
      return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
  }

  func validate(_ log: URL) throws -> String {
    let result = try Watchfloor.run(["validate", log.path])
    #expect(result.status == 0, "\(result.output)")
    return result.output
  }

  @Test("a refused decision exits 1 with the reason; a written one exits 0 and lands")
  func exitCodes() throws {
    let log = try sampleLog()
    let deny = try Watchfloor.run(["deny", "AL-0123-11", "--log", log.path, "--operator", "noor"])
    #expect(deny.status == 1)
    #expect(deny.errors.contains("a reason is required"))
    let approve = try Watchfloor.run([
      "approve", "AL-0123-10", "--log", log.path, "--operator", "karim",
    ])
    #expect(approve.status == 1)
    #expect(approve.errors.contains("two-person rule"))
    let second = try Watchfloor.run([
      "approve", "AL-0123-10", "--log", log.path, "--operator", "hassan", "--force",
    ])
    #expect(second.status == 0, "\(second.errors)")
    let state = try Watchfloor.run(["state", log.path, "--json"])
    #expect(state.output.contains(#""airlift": "AL-0123-10",\#n      "status": "approved""#))
    let missing = try Watchfloor.run(["ack", "INC-0123-05", "--log", "/nonexistent/x.jsonl"])
    #expect(missing.status == 2)
    _ = try validate(log)
  }

  @Test("16 processes deciding one airlift at once: only what the life cycle allows is written")
  func sixteenAtOnce() throws {
    let log = try sampleLog()
    let binary = Watchfloor.binary.path
    var commands: [String] = []
    for index in 0..<16 {
      switch index % 3 {
      case 0:
        commands.append(
          "\(binary) approve AL-0123-11 --log \(log.path) --operator officer\(index) --force")
      case 1:
        commands.append(
          "\(binary) deny AL-0123-11 --log \(log.path) --operator officer\(index) --reason r\(index)"
        )
      default:
        commands.append(
          "\(binary) hold AL-0123-11 --log \(log.path) --operator officer\(index) --reason r\(index)"
        )
      }
    }
    let statuses = try race(commands)
    let text = try String(contentsOf: log, encoding: .utf8)
    let decisions = text.split(separator: "\n").filter {
      $0.contains(#""airlift":"AL-0123-11""#) && $0.contains(#""id":"dec-"#)
    }
    // From pending, every kind of decision is allowed once; after an approval or a denial
    // nothing else is. A hold leaves the airlift decidable once more (approve or deny).
    #expect(decisions.count >= 1 && decisions.count <= 2, "\(decisions)")
    #expect(statuses.filter { $0 == 0 }.count == decisions.count)
    #expect(statuses.allSatisfy { $0 == 0 || $0 == 1 }, "\(statuses)")
    let output = try validate(log)
    #expect(output.contains("0 malformed, 0 anomalies"))
  }

  @Test("16 officers approving a high-value airlift at once: exactly two approvals are written")
  func twoPersonRace() throws {
    let log = try sampleLog()
    let binary = Watchfloor.binary.path
    let commands = (0..<16).map {
      "\(binary) approve AL-0123-13 --log \(log.path) --operator officer\($0) --force"
    }
    let statuses = try race(commands)
    #expect(statuses.filter { $0 == 0 }.count == 2, "\(statuses)")
    #expect(statuses.filter { $0 == 1 }.count == 14)
    let state = try Watchfloor.run(["state", log.path, "--json"])
    #expect(state.output.contains(#""airlift": "AL-0123-13",\#n      "status": "approved""#))
    _ = try validate(log)
  }

  @Test(
    "with a roster: approvers decide, viewers and strangers are refused, --operator is refused",
    .enabled(if: getuid() == 0, "deciding as other accounts needs root"))
  func roster() throws {
    let log = try sampleLog()
    let roster = try temporaryDirectory().appendingPathComponent("roster.toml")
    try Data("approvers = [\"root\", \"daemon\"]\nviewers = [\"nobody\"]\n".utf8).write(
      to: roster)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: roster.path)
    let viewer = try Watchfloor.run(
      ["ack", "INC-0123-05", "--log", log.path, "--roster", roster.path],
      environment: ["USER": "daemon"], as: "nobody")
    #expect(viewer.status == 1)
    #expect(viewer.errors.contains("nobody is a viewer on the roster and may not decide"))
    let stranger = try Watchfloor.run(
      ["ack", "INC-0123-05", "--log", log.path, "--roster", roster.path],
      environment: ["USER": "root"], as: "bin")
    #expect(stranger.status == 1)
    #expect(stranger.errors.contains("bin is not on the roster"), "\(stranger.errors)")
    let named = try Watchfloor.run(
      ["ack", "INC-0123-05", "--log", log.path, "--roster", roster.path, "--operator", "root"])
    #expect(named.status == 2)
    let approver = try Watchfloor.run(
      ["ack", "INC-0123-05", "--log", log.path, "--roster", roster.path],
      environment: ["USER": "root"], as: "daemon")
    #expect(approver.status == 0, "\(approver.errors)")
    #expect(approver.output.contains(#""by":"daemon""#))
  }

  @Test(
    "writers killed with SIGKILL while deciding leave at most a torn line; later decisions land")
  func killedWriters() throws {
    let log = try sampleLog()
    let binary = Watchfloor.binary.path
    let directory = try temporaryDirectory()
    // Sixteen officers acknowledge the open incidents and approve at once; half are killed
    // at random moments while they run.
    var script = ""
    for index in 0..<16 {
      let command =
        index % 2 == 0
        ? "\(binary) ack INC-0123-0\(index % 4 == 0 ? 5 : 6) --log \(log.path) --operator o\(index)"
        : "\(binary) approve AL-0123-13 --log \(log.path) --operator o\(index) --force"
      script +=
        "(\(command) >/dev/null 2>&1; echo $? > \(directory.path)/\(index)) & p\(index)=$!\n"
    }
    for index in stride(from: 1, to: 16, by: 2) {
      script += "sleep 0.0\(index % 9); kill -9 $p\(index) 2>/dev/null\n"
    }
    script += "wait\n"
    _ = try ChildProcess.run(["/bin/sh", "-c", script])
    // A decision after the carnage still lands on a line of its own.
    let after = try Watchfloor.run([
      "hold", "AL-0123-11", "--log", log.path, "--operator", "late", "--reason", "checks",
    ])
    #expect(after.status == 0, "\(after.errors)")
    let result = try Watchfloor.run(["validate", log.path, "--json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let counts = try #require(object["counts"] as? [String: Any])
    #expect((counts["malformed"] as? Int ?? 99) <= 1, "\(result.output)")
    #expect(counts["anomalies"] as? Int == 0)
    let text = try String(contentsOf: log, encoding: .utf8)
    #expect(text.hasSuffix("\n"))
    #expect(text.contains(#""type":"airlift.held","id":"dec-"#))
    // Every writer that reported success has its decision in the log.
    for index in 0..<16 {
      guard let status = try? String(contentsOfFile: "\(directory.path)/\(index)", encoding: .utf8),
        status.trimmingCharacters(in: .whitespacesAndNewlines) == "0"
      else { continue }
      #expect(text.contains(#""by":"o\#(index)""#), "writer \(index) reported success")
    }
  }
}
