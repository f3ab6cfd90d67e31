import Foundation
import Testing
import WatchfloorFeed
import WatchfloorModel

@Suite("The bundled scenario")
struct DemoScenarioTests {
  /// The repository's root: three levels above this file (Tests/WatchfloorFeedTests/…).
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test("the embedded days equal the files in samples/ byte for byte")
  func embeddedDaysEqualTheSamples() throws {
    let samples = Self.repositoryRoot.appendingPathComponent("samples")
    let files = try FileManager.default.contentsOfDirectory(atPath: samples.path)
      .filter { $0.hasSuffix(".jsonl") }.sorted()
    #expect(DemoScenario.days.map(\.fileName) == files)
    for day in DemoScenario.days {
      let bytes = try contents(of: samples.appendingPathComponent(day.fileName).path)
      #expect(Array(day.text.utf8) == bytes, "\(day.fileName) differs from samples/")
    }
  }

  @Test("the history is the days in order and folds as samples/README.md says")
  func historyFoldsCleanly() {
    #expect(DemoScenario.history == DemoScenario.days.map(\.text).joined())
    #expect(DemoScenario.lines.count == 157)
    let folded = Folded(DemoScenario.lines)
    let counts = folded.counts
    #expect(counts.events == 157)
    #expect(counts.applied == 157)
    #expect(counts.outOfOrder == 1)
    let state = folded.timeline.current
    #expect(state.moved == 2418)
    #expect(state.inFlight == 170)
    #expect(state.pending == 420)
    #expect(RFC3339.utcText(state.latest) == "2026-01-23T22:41:00Z")
  }
}
