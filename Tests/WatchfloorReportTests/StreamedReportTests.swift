import Foundation
import Testing
import WatchfloorModel
import WatchfloorReport

/// Runs `body` on a buffer (JSON writer) to a fresh temporary file with `capacity` bytes of
/// buffer, ends the line, and returns what the file received and the most the buffer held.
private func streamed(
  capacity: Int, _ body: (inout OutputBuffer) -> Void
) throws -> (text: String, peak: Int) {
  try withTemporaryDescriptor { descriptor in
    var out = OutputBuffer(descriptor: descriptor, capacity: capacity, sanitizing: true)
    body(&out)
    out.finishLine()
    #expect(!out.writeFailed && out.bufferedBytes == 0)
    return out.peakBufferedBytes
  }
}

private func streamedJSON(
  capacity: Int, _ body: (inout JSONWriter) -> Void
) throws -> (text: String, peak: Int) {
  try withTemporaryDescriptor { descriptor in
    var out = JSONWriter(descriptor: descriptor, capacity: capacity)
    body(&out)
    out.finish()
    #expect(!out.output.writeFailed && out.output.bufferedBytes == 0)
    return out.output.peakBufferedBytes
  }
}

private func withTemporaryDescriptor(_ body: (Int32) -> Int) throws -> (text: String, peak: Int) {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("watchfloor-streamed-\(UUID().uuidString)")
  try Data().write(to: url)
  defer { try? FileManager.default.removeItem(at: url) }
  let handle = try FileHandle(forWritingTo: url)
  let peak = body(handle.fileDescriptor)
  try handle.close()
  return (String(decoding: try Data(contentsOf: url), as: UTF8.self), peak)
}

/// What a command prints for `text`: the text and a final newline, sanitised.
private func printed(_ text: String) -> String {
  let safe = Sanitizer.sanitizeLines(text)
  return safe.hasSuffix("\n") ? safe : safe + "\n"
}

@Suite("Streamed output: the bytes of the in-memory text, through a bounded buffer")
struct StreamedReportTests {
  static let capacities = [64, 4096, OutputBuffer.defaultCapacity]

  /// Every output of `state`, `validate` and `report` for `log`, streamed at each capacity,
  /// equals the in-memory text as a command prints it, with the buffer within its bound.
  private func expectStreamedEqual(_ log: ReadLog, days: [String]) throws {
    let tables = log.timeline.tables
    let state = log.timeline.current
    let summary = StateSummary(state: state, tables: tables)
    let validation = log.validation
    let reports = try days.map { try log.report(day: $0) }
    for capacity in Self.capacities {
      var outputs: [(String, (text: String, peak: Int), String)] = [
        (
          "state --json", try streamedJSON(capacity: capacity) { state.writeJSON(tables, to: &$0) },
          state.json(tables)
        ),
        ("state", try streamed(capacity: capacity) { summary.writeText(to: &$0) }, summary.text),
        (
          "validate --json", try streamedJSON(capacity: capacity) { validation.writeJSON(to: &$0) },
          validation.json
        ),
        (
          "validate", try streamed(capacity: capacity) { validation.writeText(to: &$0) },
          validation.text
        ),
      ]
      for (day, report) in zip(days, reports) {
        let json = ReportJSON(report: report, zoneName: "UTC")
        let text = ReportText(report: report, zoneName: "UTC")
        let markdown = ReportMarkdown(report: report, zoneName: "UTC")
        outputs += [
          (
            "report \(day) json", try streamedJSON(capacity: capacity) { json.write(to: &$0) },
            json.text
          ),
          (
            "report \(day) text", try streamed(capacity: capacity) { text.writeText(to: &$0) },
            text.text
          ),
          (
            "report \(day) markdown",
            try streamed(capacity: capacity) { markdown.writeText(to: &$0) }, markdown.text
          ),
        ]
      }
      for (name, streamed, memory) in outputs {
        #expect(streamed.text == printed(memory), "\(name) at \(capacity)")
        #expect(streamed.peak <= capacity, "\(name) at \(capacity)")
      }
    }
  }

  @Test("the samples: state, validate and every day's report")
  func samples() throws {
    try expectStreamedEqual(ReadLog(), days: ["2026-01-21", "2026-01-22", "2026-01-23"])
  }

  /// A log of `count` lines after one facility, nearly all of them problems: malformed lines
  /// (some quoting escape sequences), missing fields, unknown types, anomalies quoting a bidi
  /// override, duplicates and out-of-order lines.
  static func problemLog(_ count: Int) -> [String] {
    var lines = [
      #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"karkh","name":"Karkh","region":"Baghdad","side":"IQ","capacity":3000,"occupancy":100,"id":"a"}"#
    ]
    for index in 0..<count {
      let second = 1 + index
      let ts =
        "2026-01-21T\(twoDigits(6 + second / 3600)):\(twoDigits(second / 60 % 60)):"
        + "\(twoDigits(second % 60))Z"
      switch index % 6 {
      case 0: lines.append("{not json \u{1B}[31m \(index) \u{202E}")
      case 1:
        lines.append(
          #"{"ts":"\#(ts)","type":"facility.registered","facility":"f\#(index)","capacity":"x"}"#)
      case 2: lines.append(#"{"ts":"\#(ts)","type":"radar.contact","id":"r\#(index)"}"#)
      case 3:
        lines.append(
          #"{"ts":"\#(ts)","type":"airlift.departed","airlift":"AL-\u202e\#(index)","id":"d\#(index)"}"#
        )
      case 4: lines.append(#"{"ts":"\#(ts)","type":"radar.contact","id":"a"}"#)
      default:
        lines.append(
          #"{"ts":"2026-01-21T05:00:00Z","type":"facility.updated","facility":"karkh","status":"open","id":"u\#(index)"}"#
        )
      }
    }
    return lines
  }

  private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  @Test("a log of 8,000 problem lines: validate and the day's report, many times the buffer")
  func manyProblemLines() throws {
    let file = try temporaryLog(Self.problemLog(8_000), name: "problems.jsonl")
    let log = try ReadLog([file.path])
    #expect(log.validation.problems.count >= 7_000)
    #expect(log.validation.json.utf8.count > 50 * 4096)
    try expectStreamedEqual(log, days: ["2026-01-21"])
  }
}
