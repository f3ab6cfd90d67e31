import Foundation
import Testing

/// The real binary in tmux: overdue transfers, and rows held still under the cursor.
@Suite(
  "Transfers end to end in tmux", .serialized,
  .enabled(if: TmuxSession.available, "tmux is not installed: apt-get install tmux"))
struct TransfersEndToEndTests {
  func append(_ lines: [String], to log: URL) throws {
    let handle = try FileHandle(forWritingTo: log)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
    try handle.close()
  }

  /// The screen line that holds `text`, by its row.
  func row(_ text: String, in screen: String) -> Int? {
    screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
      $0.contains(text)
    }
  }

  @Test("live: airlifts past their ETD read OVERDUE; rows hold still after j, then apply")
  func overdueAndHeldRows() throws {
    let log = try sampleLog()
    // Live, the clock is the wall's: every sample ETD (January 2026) has passed.
    let tmux = try TmuxSession.console("live \(log.path) --operator hassan")
    let (first, overdue) = try tmux.waitFor { $0.contains("AL-0123-11") && $0.contains("OVERDUE") }
    #expect(overdue, "no overdue airlift:\n\(first)")
    #expect(first.contains("Airlifts (5) by urgency"))

    try tmux.send("j", "j")
    let (selected, moved) = try tmux.waitFor(timeout: 5) { screen in
      screen.split(separator: "\n").contains {
        $0.contains("› PENDING") && $0.contains("AL-0123-11")
      }
    }
    #expect(moved, "j j did not select AL-0123-11:\n\(selected)")
    let line = try #require(row("AL-0123-11", in: selected))
    // k then j: the same row, and a fresh 3 s hold just before the new lines arrive.
    try tmux.send("k", "j")
    // A high-value request with its first approval sorts above the selection.
    try append(
      [
        #"{"ts":"2026-01-23T23:00:00Z","type":"airlift.requested","airlift":"AL-E2E","origin":"hol","destination":"karkh","detainees":33,"high_value":1,"etd":"2026-01-24T01:00:00Z","by":"liaison"}"#,
        #"{"ts":"2026-01-23T23:01:00Z","type":"airlift.approved","airlift":"AL-E2E","by":"noor"}"#,
      ], to: log)
    let (held, counted) = try tmux.waitFor(timeout: 2.5) { $0.contains("1 change waiting") }
    #expect(counted, "the waiting change is not counted:\n\(held)")
    #expect(!held.contains("AL-E2E"))
    #expect(row("AL-0123-11", in: held) == line)

    let (applied, shown) = try tmux.waitFor(timeout: 6) { $0.contains("AL-E2E") }
    #expect(shown, "the held change never applied:\n\(applied)")
    #expect(!applied.contains("change waiting"))
    #expect(row("AL-0123-11", in: applied) == line + 1)
    #expect(
      applied.split(separator: "\n").contains {
        $0.contains("› PENDING") && $0.contains("AL-0123-11")
      }, "the selection left AL-0123-11:\n\(applied)")

    try tmux.send("q")
    #expect(try tmux.waitFor { $0.contains("EXITED=0") }.1)
  }
}
