import Foundation
import Testing
import WatchfloorProcess

/// The alert line and the feed's health with the real binary in tmux.
@Suite(
  "Alerts and feed health end to end in tmux", .serialized,
  .enabled(if: TmuxSession.available, "tmux is not installed: apt-get install tmux"))
struct AlertFeedEndToEndTests {

  @Test("at 80x24 the alert line stays under the header while the incidents are scrolled; ! then a")
  func alertLine() throws {
    let log = try sampleLog()
    let tmux = try TmuxSession.console(
      "live \(log.path) --operator hassan --no-bell", width: 80, height: 24)
    let (first, shown) = try tmux.waitFor { $0.contains(" ALERT CRIT INC-0123-05") }
    #expect(shown, "no alert line:\n\(first)")
    // The samples' times are long past on the wall clock: the critical is overdue.
    #expect(first.contains("UNACKED"), "\(first)")
    try tmux.send("Tab")
    try tmux.send("Tab")
    try tmux.send("G")
    try append(
      #"{"ts":"2026-01-23T23:01:00Z","type":"incident.reported","incident":"INC-E2E","sector":"rabia","severity":"critical","kind":"attack","summary":"Convoy fired on"}"#,
      to: log)
    let (second, more) = try tmux.waitFor(timeout: 5) { $0.contains("+1 more") }
    #expect(more, "\(second)")
    let lines = second.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count > 2 && lines[2].contains("ALERT CRIT"), "\(second)")
    try tmux.send("!")
    try tmux.send("a")
    let (third, asked) = try tmux.waitFor(timeout: 5) {
      $0.contains("Acknowledge incident INC-0123-05")
    }
    #expect(asked, "\(third)")
    try tmux.send("Escape")
    try tmux.send("q")
    #expect(try tmux.waitFor { $0.contains("EXITED=0") }.1)
  }

  @Test("a log untouched for 36 hours is FEED STALE 36h from the start, with its newest event")
  func staleFeed() throws {
    let log = try sampleLog()
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-36 * 3600 - 60)], ofItemAtPath: log.path)
    let tmux = try TmuxSession.console("live \(log.path)", width: 120, height: 40)
    let (screen, stale) = try tmux.waitFor { $0.contains("FEED STALE 36h") }
    #expect(stale, "\(screen)")
    #expect(screen.contains("23 Jan 22:41"), "\(screen)")
    try tmux.send("q")
    #expect(try tmux.waitFor { $0.contains("EXITED=0") }.1)
  }

  @Test("an empty log says so in the panes until its first event; a directory is unreadable")
  func emptyAndUnreadable() throws {
    let directory = try temporaryDirectory()
    let log = directory.appendingPathComponent("empty.jsonl")
    try Data().write(to: log)
    let tmux = try TmuxSession.console("live \(log.path)", width: 120, height: 40)
    let (empty, said) = try tmux.waitFor {
      $0.contains("LOG EMPTY: waiting for the first event in")
    }
    #expect(said, "\(empty)")
    #expect(!empty.contains("No airlifts awaiting action."))
    try append(
      #"{"ts":"2026-01-23T23:00:00Z","type":"airlift.requested","airlift":"AL-E2E","origin":"hol","destination":"karkh","detainees":33,"etd":"2026-01-24T01:00:00Z","by":"liaison"}"#,
      to: log)
    // The request names facilities the log does not know (an anomaly), but it is a line: the
    // log is no longer empty and the panes are back.
    let (panes, back) = try tmux.waitFor(timeout: 5) {
      !$0.contains("LOG EMPTY") && $0.contains("Airlifts (")
    }
    #expect(back, "\(panes)")
    try tmux.send("q")
    #expect(try tmux.waitFor { $0.contains("EXITED=0") }.1)

    let folder = try TmuxSession.console("live \(directory.path)", width: 120, height: 40)
    let (unreadable, shown) = try folder.waitFor {
      $0.contains("LOG UNREADABLE:") && $0.contains("not a regular file")
    }
    #expect(shown, "\(unreadable)")
    try folder.send("q")
    #expect(try folder.waitFor { $0.contains("EXITED=0") }.1)
  }
}
