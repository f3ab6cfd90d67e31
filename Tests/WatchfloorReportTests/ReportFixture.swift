import Foundation
import WatchfloorLog
import WatchfloorModel
import WatchfloorReport

/// The package's root, so that tests read `samples/` wherever they run from.
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A log read in process as the commands read it: the files of the sources in name order,
/// with the reasons of the lines the timeline skips (for the report's problem lines), and the
/// validate report built line by line.
struct ReadLog {
  let timeline: Timeline
  let files: [String]
  let lineReasons: [Int: String]
  let validation: ValidationReport

  /// Reads `sources` (the bundled samples by default); file names are the absolute paths.
  init(_ sources: [String] = [packageRoot.appendingPathComponent("samples").path]) throws {
    let files = try LogSources.files(for: sources)
    let timeline = Timeline()
    var reasons: [Int: String] = [:]
    var validation = ValidationReport()
    try LogReader.read(files, into: timeline) { verdict, source, line in
      switch verdict {
      case .malformed(let reason): reasons[timeline.count - 1] = reason
      case .unknownType(let type): reasons[timeline.count - 1] = "unknown type \"\(type)\""
      default: break
      }
      validation.record(verdict, file: timeline.sourceNames[source], line: line, timeline: timeline)
    }
    validation.files = files
    validation.counts = timeline.current.counts
    self.timeline = timeline
    self.files = files
    self.lineReasons = reasons
    self.validation = validation
  }

  /// The day's report in the zone `offsetMinutes` east of UTC, its chain checked as `report`
  /// checks it.
  func report(day: String, offsetMinutes: Int = 0) throws -> DayReport {
    guard let window = DayWindow(date: day, offsetMinutes: offsetMinutes) else {
      throw FixtureError.badDay(day)
    }
    return DayReport.build(timeline: timeline, day: window, lineReasons: lineReasons)
      .marking(chain: try ChainLedger.verify(files).marks)
  }
}

enum FixtureError: Error {
  case badDay(String)
  case notJSON(String)
}

/// A JSON text as nested dictionaries and arrays, for assertions by member.
func jsonObject(_ text: String) throws -> [String: Any] {
  guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
  else { throw FixtureError.notJSON(text) }
  return object
}

func objects(_ value: Any?) -> [[String: Any]] { value as? [[String: Any]] ?? [] }

func object(_ value: Any?) -> [String: Any] { value as? [String: Any] ?? [:] }

/// A temporary file holding `lines`, one a line.
func temporaryLog(_ lines: [String], name: String = "log.jsonl", finalNewline: Bool = true) throws
  -> URL
{
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("watchfloor-report-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  let file = directory.appendingPathComponent(name)
  try Data((lines.joined(separator: "\n") + (finalNewline ? "\n" : "")).utf8).write(to: file)
  return file
}
