import Foundation
import Testing
import WatchfloorConsole
import WatchfloorModel

/// The package's root folder, for the samples and golden files.
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Folds lines into a timeline.
func ingest(_ lines: [String], into timeline: Timeline, source: Int = 0) {
  for (index, line) in lines.enumerated() {
    var line = line
    _ = line.withUTF8 {
      timeline.ingest(UnsafeRawBufferPointer($0), lineNumber: index + 1, source: source)
    }
  }
}

/// The three sample days as one timeline.
func sampleTimeline() throws -> Timeline {
  let timeline = Timeline()
  for day in ["2026-01-21", "2026-01-22", "2026-01-23"] {
    let url = packageRoot.appendingPathComponent("samples/\(day).jsonl")
    let text = try String(contentsOf: url, encoding: .utf8)
    let source = timeline.addSource(url.path)
    ingest(text.split(separator: "\n").map(String.init), into: timeline, source: source)
  }
  return timeline
}

func time(_ text: String, _ tables: SymbolTables) -> Timestamp {
  RFC3339.parse(text, verbatim: tables.texts) ?? .missing
}

/// A console on the samples as of `at` (or the end), at a size.
func sampleConsole(at: String? = nil, width: Int = 120, height: Int = 40) throws -> ConsoleModel {
  let timeline = try sampleTimeline()
  let asOf = at.map { time($0, timeline.tables) }
  return ConsoleSetup(
    timeline: timeline, position: .still(asOf: asOf), size: (width, height),
    now: asOf ?? timeline.current.latest,
    identity: OfficerIdentity(name: "hassan", role: .approver, roster: .open), source: "samples"
  ).makeModel()
}

extension ConsoleModel {
  /// Sends keys through `update`, collecting the effects.
  @discardableResult
  mutating func press(_ keys: Key...) -> [ConsoleEffect] {
    keys.flatMap { update(.key($0)) }
  }

  mutating func type(_ text: String) {
    for character in text { _ = update(.key(.character(character))) }
  }

  var screen: [String] { view().lines() }
  var screenText: String { screen.joined(separator: "\n") }
}

/// Checks a screen, text and styles, against `Golden/NAME.txt`; WATCHFLOOR_UPDATE_GOLDEN=1
/// rewrites the file instead, for a deliberate change (then read the diff).
func expectGolden(_ model: ConsoleModel, _ name: String) throws {
  let canvas = model.view()
  let rendered = canvas.styledLines().joined(separator: "\n") + "\n"
  let url = packageRoot.appendingPathComponent("Tests/WatchfloorConsoleTests/Golden/\(name).txt")
  if ProcessInfo.processInfo.environment["WATCHFLOOR_UPDATE_GOLDEN"] == "1" {
    try rendered.write(to: url, atomically: true, encoding: .utf8)
  }
  let expected = try String(contentsOf: url, encoding: .utf8)
  let differences = canvas.differences(
    fromStyledLines: expected.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init))
  let listed = differences.prefix(40).map(\.description).joined(separator: "\n")
  #expect(
    differences.count == 0,
    "screen \(name) differs from \(url.path) in \(differences.count) cells:\n\(listed)")
  #expect(rendered == expected, "screen \(name): the golden file is not written as styledLines()")
  #expect(canvas.lines().count == model.size.height)
}
