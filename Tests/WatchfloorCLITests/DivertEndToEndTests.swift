import Foundation
import Testing
import WatchfloorProcess

/// Diverting from the keyboard in the real binary, read back from the log by the console.
@Suite("Divert and cancel end to end in tmux", .serialized)
struct DivertEndToEndTests {
  @Test("r, a destination, Enter, a reason, y: the log holds the diversion and the pane shows it")
  func divertFromKeyboard() throws {
    let log = try sampleLog()
    let tmux = try TmuxSession.console("live \(log.path) --operator hassan", width: 80, height: 24)
    try tmux.waitFor { $0.contains("AL-0123-12") }
    // AL-0123-12 (approved, hol → karkh) is the fourth row.
    try tmux.send("j", "j", "j")
    try tmux.send("h")
    let (refused, said) = try tmux.waitFor(timeout: 5) {
      $0.contains("cannot hold AL-0123-12: it is approved")
    }
    #expect(said, "\(refused)")
    try tmux.send("r")
    let (list, shown) = try tmux.waitFor(timeout: 5) {
      $0.contains("Divert airlift AL-0123-12") && $0.contains("› nasiriyah")
    }
    #expect(shown, "\(list)")
    #expect(list.contains("AFTER LANDING") && list.contains("33% 660/2,000"))
    try tmux.send("j")
    #expect(try tmux.waitFor(timeout: 5) { $0.contains("› south-site") }.1)
    try tmux.send("Enter")
    try tmux.send("-l", "karkh above 200%")
    try tmux.send("Enter")
    let (confirmation, confirming) = try tmux.waitFor(timeout: 5) {
      $0.contains("hol → south-site (was karkh)") && $0.contains("Reason: karkh above 200%")
    }
    #expect(confirming, "\(confirmation)")
    try tmux.send("y")
    let (after, readBack) = try tmux.waitFor(timeout: 5) {
      $0.contains("written: divert AL-0123-12") && $0.contains("hol → south-site")
    }
    #expect(readBack, "\(after)")
    let text = try String(contentsOf: log, encoding: .utf8)
    #expect(
      text.contains(
        #""type":"airlift.diverted","id":"dec-"#)
        && text.contains(
          #""airlift":"AL-0123-12","destination":"south-site","reason":"karkh above 200%","by":"hassan""#
        ))
    try tmux.send("q")
  }
}
