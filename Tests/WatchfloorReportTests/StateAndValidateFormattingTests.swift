import Foundation
import Testing
import WatchfloorModel
import WatchfloorReport

@Suite("The state summary and validate's output")
struct StateAndValidateFormattingTests {
  @Test("the readable summary names facilities, airlifts awaiting a decision and totals")
  func readableSummary() throws {
    let log = try ReadLog()
    let text = StateSummary(state: log.timeline.current, tables: log.timeline.tables).text
    #expect(text.hasPrefix("Watchfloor state as of 2026-01-23T22:41:00Z\n"))
    #expect(text.contains("FACILITIES (Iraq)"))
    #expect(text.contains("nasiriyah"))
    #expect(text.contains("awaiting-second"))
    #expect(text.contains("moved 2,418 of 7,000"))
  }

  @Test("loads carry the console's marks: !! far over, ! full, none below, figures aligned")
  func loadMarks() throws {
    let log = try ReadLog()
    let lines = StateSummary(state: log.timeline.current, tables: log.timeline.tables).text
      .split(separator: "\n").map(String.init)
    let karkh = try #require(lines.first { $0.hasPrefix("  karkh ") })
    #expect(karkh.contains("6,476 / 3,000 216%!! inbound 50"))
    let sulaymaniyah = try #require(lines.first { $0.hasPrefix("  sulaymaniyah ") })
    #expect(sulaymaniyah.contains("900 / 900 100%!  inbound 0"))
    let southSite = try #require(lines.first { $0.hasPrefix("  south-site ") })
    #expect(southSite.contains("610 / 2,000  31%   inbound 0"))
  }

  @Test("the state as of a time is the state the summary prints")
  func summaryAsOf() throws {
    let log = try ReadLog()
    let time = try #require(
      RFC3339.parse("2026-01-22T12:00:00Z", verbatim: log.timeline.tables.texts))
    let text = StateSummary(state: log.timeline.state(asOf: time), tables: log.timeline.tables).text
    #expect(text.hasPrefix("Watchfloor state as of 2026-01-22T12:00:00Z\n"))
    #expect(!text.contains("moved 2,418 of 7,000"))
  }

  @Test("validate: the samples are valid")
  func samplesValid() throws {
    let validation = try ReadLog().validation
    #expect(validation.isValid)
    #expect(validation.problems.filter { $0.kind != "out-of-order" }.isEmpty)
    #expect(validation.text.hasSuffix("(3 files)"))
    #expect(validation.text.contains("valid: 157 events"))
  }

  @Test("validate lists malformed lines and anomalies with file and line, as text and JSON")
  func brokenLog() throws {
    let lines = [
      #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"karkh","name":"Karkh","region":"Baghdad","side":"IQ","capacity":3000,"occupancy":6000,"id":"a"}"#,
      #"{"ts":"2026-01-21T06:01:00Z","type":"facility.registered","facility":"karkh","capacity":"x"}"#,
      "",
      #"{"ts":"2026-01-21T06:02:00Z","type":"airlift.departed","airlift":"AL-9"}"#,
      #"{"ts":"2026-01-21T06:03:00Z","type":"radar.contact","id":"a"}"#,
      #"{"ts":"2026-01-21T06:04:00Z","type":"radar.contact","id":"b"}"#,
      #"{"ts":"2026-01-21T05:00:00Z","type":"facility.updated","facility":"karkh","status":"open"}"#,
    ]
    let file = try temporaryLog(lines, name: "broken.jsonl", finalNewline: false)
    let validation = try ReadLog([file.path]).validation
    #expect(!validation.isValid)
    let text = validation.text
    #expect(text.contains("broken.jsonl:2: malformed: missing field \"name\""))
    #expect(text.contains("broken.jsonl:4: anomaly: unknown airlift \"AL-9\""))
    #expect(text.contains("broken.jsonl:5: duplicate"))
    #expect(text.contains("broken.jsonl:6: unknown-type: unknown type \"radar.contact\""))
    #expect(text.contains("broken.jsonl:7: out-of-order"))
    #expect(
      text.hasSuffix(
        "INVALID: 6 events, 2 applied, 1 malformed, 1 anomaly, 1 duplicate, 1 unknown type, "
          + "1 out of order"))

    let json = try jsonObject(validation.json)
    #expect(json["valid"] as? Bool == false)
    #expect(json["files"] as? [String] == [file.path])
    let problems = objects(json["problems"])
    #expect(problems.count == 5)
    #expect(problems.first?["line"] as? Int == 2)
    #expect(
      problems.map { $0["kind"] as? String } == [
        "malformed", "anomaly", "duplicate", "unknown-type", "out-of-order",
      ])
    #expect(object(json["counts"])["malformed"] as? Int == 1)
  }

  @Test("text from the log is printed with its escape sequences made visible")
  func escapesSanitised() throws {
    let file = try temporaryLog([
      #"{"ts":"2026-01-21T06:00:00Z","type":"airlift.departed","airlift":"\u001b[31mRED\u202e"}"#
    ])
    let validation = try ReadLog([file.path]).validation
    #expect(!validation.isValid)
    #expect(!validation.text.contains("\u{1B}"))
    #expect(!validation.text.contains("\u{202E}"))
    #expect(validation.text.contains(#"unknown airlift "\e[31mRED\u{202E}""#))
    // JSON keeps the characters, escaped as JSON: the same strings for a program.
    let problem = try #require(objects(try jsonObject(validation.json)["problems"]).first)
    #expect((problem["reason"] as? String)?.contains("\u{1B}[31mRED\u{202E}") == true)
  }
}
