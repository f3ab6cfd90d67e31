import Foundation
import Testing
import WatchfloorLog
import WatchfloorModel
import WatchfloorReport

/// The commands write their output through a bounded buffer as they go; these check that the
/// bytes are those of the in-memory text, on a log whose output is many times the buffer.
@Suite("state, validate and report stream their output, byte for byte")
struct StreamedOutputEndToEndTests {
  /// 20,000 lines after one facility, nearly all problems, some quoting escape sequences.
  static func problemLog() throws -> URL {
    var lines = [
      #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"karkh","name":"Karkh","region":"Baghdad","side":"IQ","capacity":3000,"occupancy":100,"id":"a"}"#
    ]
    for index in 0..<20_000 {
      let minute = index / 60
      let ts = "2026-01-21T\(10 + minute / 60):\(10 + minute % 50):\(10 + index % 50)Z"
      switch index % 4 {
      case 0: lines.append("{not json \u{1B}]2;x\u{07} \(index)")
      case 1: lines.append(#"{"ts":"\#(ts)","type":"radar.contact","id":"r\#(index)"}"#)
      case 2:
        lines.append(
          #"{"ts":"\#(ts)","type":"airlift.departed","airlift":"AL-\u202e\#(index)","id":"d\#(index)"}"#
        )
      default: lines.append(#"{"ts":"\#(ts)","type":"radar.contact","id":"a"}"#)
      }
    }
    let file = try temporaryDirectory().appendingPathComponent("problems.jsonl")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
    return file
  }

  /// What a command prints for `text`: sanitised, with a final newline.
  static func printed(_ text: String) -> Data {
    let safe = Sanitizer.sanitizeLines(text)
    return Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8)
  }

  @Test("validate, state and report of 20,000 problem lines print the in-memory text")
  func manyProblems() throws {
    let file = try Self.problemLog()
    let timeline = Timeline()
    var validation = ValidationReport()
    var reasons: [Int: String] = [:]
    try LogReader.read([file.path], into: timeline) { verdict, source, line in
      switch verdict {
      case .malformed(let reason): reasons[timeline.count - 1] = reason
      case .unknownType(let type): reasons[timeline.count - 1] = "unknown type \"\(type)\""
      default: break
      }
      validation.record(verdict, file: timeline.sourceNames[source], line: line, timeline: timeline)
    }
    validation.files = [file.path]
    validation.counts = timeline.current.counts
    #expect(validation.json.utf8.count > 8 * OutputBuffer.defaultCapacity)

    let json = try Watchfloor.run(["validate", file.path, "--json"])
    #expect(json.status == 1)
    #expect(json.outputBytes == Data((validation.json + "\n").utf8))
    let text = try Watchfloor.run(["validate", file.path])
    #expect(text.status == 1)
    #expect(text.outputBytes == Self.printed(validation.text))

    let state = try Watchfloor.run(["state", file.path, "--json"])
    #expect(state.outputBytes == Data((timeline.current.json(timeline.tables) + "\n").utf8))
    let summary = try Watchfloor.run(["state", file.path, "--tz", "UTC"])
    #expect(
      summary.outputBytes
        == Self.printed(StateSummary(state: timeline.current, tables: timeline.tables).text))

    let day = try #require(DayWindow(date: "2026-01-21", offsetMinutes: 0))
    let report = DayReport.build(timeline: timeline, day: day, lineReasons: reasons)
      .marking(chain: try ChainLedger.verify([file.path]).marks)
    let expected: [(String, String)] = [
      ("json", ReportJSON(report: report, zoneName: "UTC").text + "\n"),
      ("text", ReportText(report: report, zoneName: "UTC").text),
      ("markdown", ReportMarkdown(report: report, zoneName: "UTC").text),
    ]
    for (format, memory) in expected {
      let printed = try Watchfloor.run([
        "report", file.path, "--day", "2026-01-21", "--tz", "UTC", "--format", format,
      ])
      #expect(printed.status == 0, "\(format): \(printed.errors)")
      #expect(printed.outputBytes == Self.printed(memory), "\(format)")
    }
  }
}
