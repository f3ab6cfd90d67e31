import Foundation
import Testing
import WatchfloorProcess

/// The real binary in tmux: what an officer sees, keys as an officer types them.
@Suite(
  "Console end to end in tmux", .serialized,
  .enabled(if: TmuxSession.available, "tmux is not installed: apt-get install tmux"))
struct ConsoleEndToEndTests {

  @Test(
    "live: the log appears, new lines follow, escape sequences arrive sanitised, q restores the shell"
  )
  func liveFollowsTheLog() throws {
    let log = try sampleLog()
    let tmux = try TmuxSession.console("live \(log.path) --operator hassan")
    let (first, shown) = try tmux.waitFor { $0.contains("AL-0123-10") }
    #expect(shown, "the console did not show the samples:\n\(first)")
    #expect(first.contains("officer hassan · OPEN ROSTER"))
    #expect(first.contains("awaiting 3"))

    try append(
      #"{"ts":"2026-01-23T23:00:00Z","type":"airlift.requested","airlift":"AL-E2E","origin":"hol","destination":"karkh","detainees":33,"etd":"2026-01-24T01:00:00Z","by":"liaison"}"#,
      to: log)
    let (second, followed) = try tmux.waitFor(timeout: 5) { $0.contains("AL-E2E") }
    #expect(followed, "the appended airlift did not appear:\n\(second)")
    #expect(second.contains("awaiting 4"))

    try append(
      #"{"ts":"2026-01-23T23:01:00Z","type":"incident.reported","incident":"INC-ESC","sector":"rabia","severity":"critical","kind":"test","summary":"A\u001b[2J\u001b]0;pwned\u0007B\u202eC"}"#,
      to: log)
    let (third, sanitised) = try tmux.waitFor(timeout: 5) { $0.contains("INC-ESC") }
    #expect(sanitised)
    #expect(third.contains(#"A\e[2J\e]0;pwned\x07B\u{202E}C"#) || third.contains(#"A\e[2J\e]0;pw"#))
    #expect(third.contains("WATCHFLOOR"), "the screen was cleared by an escape sequence")

    try tmux.send("q")
    let (end, quit) = try tmux.waitFor { $0.contains("EXITED=") && $0.contains("icanon") }
    #expect(quit)
    #expect(end.contains("EXITED=0"))
    #expect(end.contains("icanon echo"), "the terminal was not restored:\n\(end)")
  }

  @Test("resize redraws at once; below 80×24 the console asks for more room")
  func resize() throws {
    let log = try sampleLog()
    let tmux = try TmuxSession.console("live \(log.path)", width: 120, height: 40)
    try tmux.waitFor { $0.contains("AL-0123-10") }
    try tmux.resize(width: 80, height: 24)
    let (narrow, redrawn) = try tmux.waitFor(timeout: 5) { screen in
      let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
      return lines.first?.contains(" LIVE ") == true
        && lines.contains { $0.hasPrefix("┏━ Airlifts") && $0.hasSuffix("┓") && $0.count == 80 }
    }
    #expect(redrawn, "no 80-column layout after resize:\n\(narrow)")
    try tmux.resize(width: 70, height: 20)
    let (small, asked) = try tmux.waitFor(timeout: 5) {
      $0.contains("Enlarge the terminal to 80×24")
    }
    #expect(asked, "\(small)")
    try tmux.resize(width: 100, height: 30)
    try tmux.waitFor(timeout: 5) { $0.contains("AL-0123-10") }
    try tmux.send("q")
    #expect(try tmux.waitFor { $0.contains("EXITED=0") }.1)
  }

  @Test("SIGTERM ends the console with the terminal restored")
  func terminate() throws {
    let log = try sampleLog()
    let tmux = try TmuxSession.console("live \(log.path)")
    try tmux.waitFor { $0.contains("AL-0123-10") }
    // The pane runs `sh -c`, whose child is the console: signal that child only.
    let pane = try TmuxSession.tmux(
      ["list-panes", "-t", tmux.name, "-F", "#{pane_pid}"], socket: tmux.socket
    ).output.trimmingCharacters(in: .whitespacesAndNewlines)
    _ = try ChildProcess.run(["pkill", "-TERM", "-x", "-P", pane, "watchfloor"])
    let (end, ended) = try tmux.waitFor { $0.contains("EXITED=") && $0.contains("icanon") }
    #expect(ended)
    #expect(end.contains("EXITED=143"))
    #expect(end.contains("icanon echo"), "the terminal was not restored:\n\(end)")
  }

  @Test("keys: Tab moves focus, Enter shows a history, ? shows help, / filters")
  func keys() throws {
    let log = try sampleLog()
    let tmux = try TmuxSession.console("live \(log.path)")
    try tmux.waitFor { $0.contains("AL-0123-10") }
    try tmux.send("Enter")
    #expect(
      try tmux.waitFor(timeout: 5) {
        $0.contains("Airlift AL-0123-10") && $0.contains("airlift.requested")
      }.1)
    try tmux.send("Escape")
    try tmux.send("?")
    #expect(try tmux.waitFor(timeout: 5) { $0.contains("this help") }.1)
    try tmux.send("?")
    try tmux.send("/")
    try tmux.send("-l", "karkh")
    #expect(try tmux.waitFor(timeout: 5) { $0.contains("Airlifts (2 of 5) by urgency  /karkh") }.1)
    try tmux.send("Enter")
    try tmux.send("Tab")
    #expect(try tmux.waitFor(timeout: 5) { $0.contains("┏━ Occupancy") }.1)
    try tmux.send("q")
    #expect(try tmux.waitFor { $0.contains("EXITED=0") }.1)
  }

  @Test("a missing log is waited for, then shown when it appears")
  func waitsForMissingLog() throws {
    let directory = try temporaryDirectory()
    let log = directory.appendingPathComponent("later.jsonl")
    let tmux = try TmuxSession.console("live \(log.path)")
    #expect(
      try tmux.waitFor(timeout: 5) {
        $0.contains("LOG MISSING: \(log.path)") && $0.contains("waiting for it")
      }.1)
    try Data(try String(contentsOf: try sampleLog(), encoding: .utf8).utf8).write(to: log)
    let (screen, shown) = try tmux.waitFor(timeout: 5) { $0.contains("AL-0123-10") }
    #expect(shown, "\(screen)")
    try tmux.send("q")
  }

  @Test("demo: the simulated feed runs, and the temporary log is removed on quit")
  func demo() throws {
    let tmux = try TmuxSession.console("demo --speed 3600 --operator noor")
    let (first, shown) = try tmux.waitFor {
      $0.contains("WATCHFLOOR") && $0.contains("officer noor")
    }
    #expect(shown, "\(first)")
    // At 3600x an hour passes every second: the simulated clock moves past the samples' end.
    let (later, moved) = try tmux.waitFor(timeout: 10) { $0.contains("2026-01-24") }
    #expect(moved, "the simulated clock did not move:\n\(later)")
    try tmux.send("q")
    #expect(try tmux.waitFor { $0.contains("EXITED=0") }.1)
  }

  @Test("decide from the keyboard: a then y approves; d, a reason, Enter, y denies")
  func decideFromKeyboard() throws {
    let log = try sampleLog()
    let tmux = try TmuxSession.console("live \(log.path) --operator hassan")
    try tmux.waitFor { $0.contains("AL-0123-10") }
    try tmux.send("a")
    #expect(try tmux.waitFor(timeout: 5) { $0.contains("Approve airlift AL-0123-10") }.1)
    try tmux.send("y")
    let (approved, written) = try tmux.waitFor(timeout: 5) {
      $0.contains("written: approve AL-0123-10") && !$0.contains("2ND ◐ 1/2   AL-0123-10")
    }
    #expect(written, "\(approved)")
    // The selection stayed on the approved airlift; go to the first row, a pending one.
    try tmux.send("g")
    try tmux.send("d")
    try tmux.send("-l", "no escort tonight")
    try tmux.send("Enter")
    #expect(try tmux.waitFor(timeout: 5) { $0.contains("Reason: no escort tonight") }.1)
    try tmux.send("y")
    #expect(try tmux.waitFor(timeout: 5) { $0.contains("written: deny") }.1)
    let text = try String(contentsOf: log, encoding: .utf8)
    #expect(text.contains(#""type":"airlift.approved","id":"dec-"#))
    #expect(text.contains(#""reason":"no escort tonight","by":"hassan""#))
    try tmux.send("q")
  }

  @Test("two consoles, two officers: a high-value airlift needs both")
  func twoPersonFromTwoConsoles() throws {
    let log = try sampleLog()
    let first = try TmuxSession.console("live \(log.path) --operator noor")
    let second = try TmuxSession.console("live \(log.path) --operator layla")
    try first.waitFor { $0.contains("AL-0123-13") }
    try second.waitFor { $0.contains("AL-0123-13") }
    // AL-0123-13 (50 high-value, to Karkh at 216%) is the second row on both.
    try first.send("j")
    try first.send("a")
    #expect(try first.waitFor(timeout: 5) { $0.contains("approval 1 of 2, first by noor") }.1)
    try first.send("y")
    // The other console sees the first approval come in from the log.
    #expect(try second.waitFor(timeout: 5) { $0.contains("2ND ◐ 1/2   AL-0123-13") }.1)
    try second.send("g")
    try second.send("a")
    #expect(try second.waitFor(timeout: 5) { $0.contains("Approve airlift AL-0123-13") }.1)
    try second.send("y")
    let (end, approved) = try first.waitFor(timeout: 5) {
      $0.contains("APPROVED ✓  AL-0123-13")
    }
    #expect(approved, "\(end)")
    let state = try Watchfloor.run(["state", log.path, "--json"])
    #expect(state.output.contains(#""approvals": [\#n        "noor",\#n        "layla"\#n      ]"#))
    try first.send("q")
    try second.send("q")
  }

  @Test("a dialog whose airlift another console decided meanwhile refuses; a viewer is refused")
  func staleAndViewer() throws {
    let log = try sampleLog()
    let tmux = try TmuxSession.console("live \(log.path) --operator hassan")
    try tmux.waitFor { $0.contains("AL-0123-10") }
    try tmux.send("a")
    try tmux.waitFor(timeout: 5) { $0.contains("Approve airlift AL-0123-10") }
    try append(
      #"{"ts":"2026-01-23T23:00:00Z","type":"airlift.approved","id":"other-console","airlift":"AL-0123-10","by":"layla"}"#,
      to: log)
    #expect(try tmux.waitFor(timeout: 5) { $0.contains("changed since this opened") }.1)
    try tmux.send("y")
    #expect(
      try tmux.waitFor(timeout: 5) {
        $0.contains("not written: AL-0123-10 changed while the dialog was open")
      }.1)
    try tmux.send("q")

    // The account running the tests is a viewer; USER claiming an approver changes nothing.
    let account = String(cString: getpwuid(geteuid()).pointee.pw_name)
    let roster = try temporaryDirectory().appendingPathComponent("roster.toml")
    try Data("approvers = [\"hassan\"]\nviewers = [\"\(account)\"]\n".utf8).write(to: roster)
    let viewer = try TmuxSession.console(
      "env USER=hassan LOGNAME=hassan \(Watchfloor.binary.path) live \(log.path) "
        + "--roster \(roster.path)",
      binaryPrefix: false)
    #expect(try viewer.waitFor { $0.contains("officer \(account) (viewer)") }.1)
    try viewer.send("a")
    #expect(
      try viewer.waitFor(timeout: 5) { $0.contains("\(account) is a viewer on the roster") }.1)
    try viewer.send("q")
  }

  @Test("in the C locale the console draws in ASCII: every glyph has a stand-in")
  func cLocale() throws {
    let log = try sampleLog()
    let tmux = try TmuxSession.console(
      "env LC_ALL=C LANG=C \(Watchfloor.binary.path) live \(log.path) --operator hassan",
      binaryPrefix: false)
    let (screen, shown) = try tmux.waitFor { $0.contains("AL-0123-10") }
    #expect(shown, "\(screen)")
    #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(screen)")
    #expect(screen.contains("ghwayran -> south-site"))
    #expect(screen.contains("+- Airlifts (5)") || screen.contains("+- Airlifts"))
    try tmux.send("q")
  }

  @Test("a facility's details at 80x24: what changed, wrapped, scrolled to the end and back")
  func facilityDetails() throws {
    let log = try sampleLog()
    let tmux = try TmuxSession.console("live \(log.path) --operator hassan", width: 80, height: 24)
    try tmux.waitFor { $0.contains("AL-0123-10") }
    try tmux.send("Tab")
    try tmux.send("Enter")
    let (opened, shown) = try tmux.waitFor(timeout: 5) {
      $0.contains("Facility karkh") && $0.contains("occupancy 6,476 of 3,000")
    }
    #expect(shown, "\(opened)")
    try tmux.send("End")
    let (end, scrolled) = try tmux.waitFor(timeout: 5) {
      $0.contains("status lockdown →") && $0.contains("↑ ")
    }
    #expect(scrolled, "\(end)")
    try tmux.send("Home")
    #expect(try tmux.waitFor(timeout: 5) { $0.contains("occupancy 6,476 of 3,000") }.1)
    try tmux.send("Escape")
    try tmux.send("q")
    #expect(try tmux.waitFor { $0.contains("EXITED=0") }.1)
  }
}
