import Foundation
import Testing

/// End to end: goldens, exit codes and wiring. The summary's and validate's wording is tested in
/// process, in WatchfloorReportTests/StateAndValidateFormattingTests.swift.
@Suite("watchfloor state and validate, run as a user would")
struct StateAndValidateTests {
  @Test("state --json of the samples matches the golden file (checked against an independent fold)")
  func samplesGolden() throws {
    let result = try Watchfloor.run(["state", "samples", "--json"])
    #expect(result.status == 0)
    #expect(result.output == (try Watchfloor.golden("samples-state.json")))
  }

  @Test("state --at of the samples matches the golden file")
  func samplesAtTimeGolden() throws {
    let result = try Watchfloor.run(["state", "samples", "--at", "2026-01-22T12:00:00Z", "--json"])
    #expect(result.status == 0)
    #expect(result.output == (try Watchfloor.golden("samples-state-2026-01-22T12-00Z.json")))
    // The same instant written with an offset gives the same state.
    let offset = try Watchfloor.run([
      "state", "samples", "--at", "2026-01-22T15:00:00+03:00", "--json",
    ])
    #expect(offset.output == result.output)
  }

  @Test("the three daily files read as one log equal the directory")
  func filesEqualDirectory() throws {
    let files = ["2026-01-21", "2026-01-22", "2026-01-23"].map { "samples/\($0).jsonl" }
    let byFiles = try Watchfloor.run(["state"] + files + ["--json"])
    let byDirectory = try Watchfloor.run(["state", "samples", "--json"])
    #expect(byFiles.output == byDirectory.output)
  }

  @Test("validate: the samples are valid (exit 0)")
  func samplesValidate() throws {
    let result = try Watchfloor.run(["validate", "samples"])
    #expect(result.status == 0)
    #expect(result.output.contains("valid: 157 events"))
  }

  @Test("validate exits 1 on malformed lines and anomalies, as text and as JSON")
  func brokenLogValidate() throws {
    let directory = try temporaryDirectory()
    let file = directory.appendingPathComponent("broken.jsonl")
    let lines = [
      #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"karkh","name":"Karkh","region":"Baghdad","side":"IQ","capacity":3000,"occupancy":6000,"id":"a"}"#,
      #"{"ts":"2026-01-21T06:01:00Z","type":"facility.registered","facility":"karkh","capacity":"x"}"#,
      "",
      #"{"ts":"2026-01-21T06:02:00Z","type":"airlift.departed","airlift":"AL-9"}"#,
      #"{"ts":"2026-01-21T06:03:00Z","type":"radar.contact","id":"a"}"#,
      #"{"ts":"2026-01-21T06:04:00Z","type":"radar.contact","id":"b"}"#,
      #"{"ts":"2026-01-21T05:00:00Z","type":"facility.updated","facility":"karkh","status":"open"}"#,
    ]
    try Data(lines.joined(separator: "\n").utf8).write(to: file)
    // The lines and their reasons are tested in process (StateAndValidateFormattingTests);
    // here, the exit status and that the report reaches standard output.
    let result = try Watchfloor.run(["validate", file.path])
    #expect(result.status == 1)
    #expect(result.output.contains("broken.jsonl:2: malformed: missing field \"name\""))
    #expect(
      result.output.contains(
        "INVALID: 6 events, 2 applied, 1 malformed, 1 anomaly, 1 duplicate, 1 unknown type, "
          + "1 out of order"))

    let json = try Watchfloor.run(["validate", file.path, "--json"])
    #expect(json.status == 1)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(object["valid"] as? Bool == false)
    let problems = try #require(object["problems"] as? [[String: Any]])
    #expect(problems.count == 5)
    #expect(problems.first?["line"] as? Int == 2)
  }

  @Test("unreadable sources exit 2 with one line naming the path and the cause")
  func unreadable() throws {
    let directory = try temporaryDirectory()
    for command in ["validate", "state"] {
      let missing = try Watchfloor.run([command, directory.path + "/nope.jsonl"])
      #expect(missing.status == 2)
      #expect(
        missing.errors
          == "watchfloor: cannot read '\(directory.path)/nope.jsonl': No such file or directory\n")
      let empty = try Watchfloor.run([command, directory.path])
      #expect(empty.status == 2)
      #expect(empty.errors.contains("holds no *.jsonl log files"))
    }
  }

  @Test("a bad --at is a usage error (exit 2)")
  func badTime() throws {
    let result = try Watchfloor.run(["state", "samples", "--at", "yesterday"])
    #expect(result.status == 2)
    #expect(result.errors.contains("--at 'yesterday' is not a time"))
  }
}
