import Testing
import WatchfloorConsole
import WatchfloorModel

/// Replay keys through `update`, against the sample day of 22 January and the state as of the
/// cursor. Times and events are read from samples/2026-01-22.jsonl by hand.
@Suite("Replay keys")
struct ReplayKeyTests {
  @Test("opens paused at the start of the day, read-only, with the state carried in")
  func opensAtDayStart() throws {
    let model = try sampleReplay()
    #expect(model.cursorText == "2026-01-22T00:00:00Z")
    #expect(model.replay?.isPlaying == false)
    let screen = model.screen
    #expect(screen[0].contains(" REPLAY ") && screen[0].contains("2026-01-22 00:00:00 UTC"))
    #expect(screen[0].contains("read-only"))
    // Carried in from the 21st: AL-0121-02 in flight with 120; 150 moved by AL-0121-01.
    #expect(screen[1].contains("in flight 1 (120)") && screen[1].contains("moved 150/7,000"))
    #expect(model.replayStatusLine.contains("start of Thu 22 Jan 2026: state carried in"))
    #expect(model.replayStatusLine.contains("first event at 01:04:50"))
    #expect(model.replayStatusLine.contains("paused 60×"))
    let states = model.replayStates
    #expect(states.shown == states.asOfCursor)
  }

  @Test("→ and ← visit every moment of the day and agree with the state as of the cursor")
  func stepThroughTheDay() throws {
    var model = try sampleReplay()
    model.press(.right)
    #expect(model.cursorText == "2026-01-22T01:04:50Z")
    #expect(model.replayStatusLine.contains("01:04:50  airlift.landed  AL-0121-02"))
    #expect(model.replayStatusLine.contains("now landed"))
    var steps = 1
    var visited: [String] = [model.cursorText]
    while model.replay?.notice == nil && steps < 100 {
      model.press(.character("."))
      let states = model.replayStates
      #expect(states.shown == states.asOfCursor, "at \(model.cursorText)")
      if model.replay?.notice == nil {
        visited.append(model.cursorText)
        steps += 1
      }
    }
    // 60 lines; the late-typed INC-0122-05 (18:05, after 19:21) joins the 19:21 moment.
    #expect(steps == 59)
    #expect(model.replay?.notice == "last event of the day")
    #expect(model.cursorText == "2026-01-22T23:04:00Z")
    #expect(!visited.contains("2026-01-22T18:05:00Z"))
    #expect(visited.contains("2026-01-22T19:21:00Z"))
    var back = 0
    while model.replay?.notice != "start of the day" && back < 100 {
      model.press(.left)
      let states = model.replayStates
      #expect(states.shown == states.asOfCursor, "at \(model.cursorText)")
      back += 1
    }
    #expect(back == 60)
    #expect(model.cursorText == "2026-01-22T00:00:00Z")
  }

  @Test("the late-written incident appears with the moment that brought it, not at its own time")
  func outOfOrderMoment() throws {
    var model = try sampleReplay(at: "2026-01-22T18:30:00Z")
    let late = try #require(model.tables.incidents.lookup("INC-0122-05"))
    #expect(model.state.incidents[late] == nil)
    model.type("...")
    #expect(model.cursorText == "2026-01-22T19:21:00Z")
    #expect(model.state.incidents[late] != nil)
    #expect(model.replayStatusLine.contains("incident.acknowledged  by noor  INC-0122-04"))
    #expect(model.replayStatusLine.contains("(+1 more)"))
  }

  @Test("] and [ move an hour within the day; Home and End go to its first and last events")
  func hoursAndEnds() throws {
    var model = try sampleReplay()
    model.type("]]")
    #expect(model.cursorText == "2026-01-22T02:00:00Z")
    model.type("[[[")
    #expect(model.cursorText == "2026-01-22T00:00:00Z")
    #expect(model.replay?.notice == "start of the day")
    model.press(.end)
    #expect(model.cursorText == "2026-01-22T23:04:00Z")
    model.type("]")
    #expect(model.cursorText == "2026-01-22T23:59:59Z")
    #expect(model.replay?.notice == nil)
    model.type("]")
    #expect(model.replay?.notice == "end of the day")
    #expect(model.screen[0].contains("2026-01-22 23:59:59"))
    model.press(.home)
    #expect(model.cursorText == "2026-01-22T01:04:50Z")
    let states = model.replayStates
    #expect(states.shown == states.asOfCursor)
  }

  @Test("n and N jump between decisions and incidents")
  func notable() throws {
    var model = try sampleReplay()
    model.type("n")
    #expect(model.cursorText == "2026-01-22T06:10:00Z")
    #expect(model.replayStatusLine.contains("airlift.approved  by karim  AL-0121-03"))
    model.type("n")
    #expect(model.cursorText == "2026-01-22T06:25:00Z")
    // From 07:10 (a request, not notable) N goes back to 06:41, the second approval.
    model.type("g")
    model.type("07:10")
    model.press(.enter)
    model.type("N")
    #expect(model.cursorText == "2026-01-22T06:41:00Z")
    model.type("g")
    model.type("07:35")
    model.press(.enter)
    model.type("n")
    #expect(model.cursorText == "2026-01-22T07:40:00Z")
    #expect(model.replayStatusLine.contains("incident.reported"))
    model.press(.end)
    model.type("n")
    #expect(model.replay?.notice == "no later decision or incident this day")
    #expect(model.cursorText == "2026-01-22T23:04:00Z")
  }

  @Test("g takes HH:MM, HH:MM:SS and RFC 3339, moves to another day of the log, refuses the rest")
  func goToTime() throws {
    var model = try sampleReplay()
    model.type("g14:30")
    #expect(model.replayStatusLine.contains("go to 14:30▏"))
    model.press(.enter)
    #expect(model.cursorText == "2026-01-22T14:30:00Z")
    #expect(model.replay?.timeEntry == nil)
    model.type("g09:05:30")
    model.press(.enter)
    #expect(model.cursorText == "2026-01-22T09:05:30Z")
    model.type("g25:00")
    model.press(.enter)
    #expect(model.replay?.timeEntry == "25:00")
    #expect(model.replayStatusLine.contains("'25:00' is not a time"))
    model.press(.escape)
    #expect(model.replay?.timeEntry == nil)
    #expect(model.cursorText == "2026-01-22T09:05:30Z")
    model.type("g2026-01-23T13:30:00+03:00")
    model.press(.enter)
    #expect(model.cursorText == "2026-01-23T10:30:00Z")
    #expect(model.replay?.day.text == "2026-01-23")
    #expect(model.screen[4].contains("23 Jan"))
    let states = model.replayStates
    #expect(states.shown == states.asOfCursor)
    model.type("g2026-02-01T00:00:00Z")
    model.press(.enter)
    #expect(model.replayStatusLine.contains("2026-02-01 is not in the log"))
    #expect(model.cursorText == "2026-01-23T10:30:00Z")
  }

  @Test("every decision key says replay is read-only; the panes' own keys still work")
  func readOnly() throws {
    var model = try sampleReplay(at: "2026-01-22T14:30:00Z")
    for key in ["a", "d", "h"] {
      model.resultLine = nil
      #expect(model.update(.key(.character(Character(key)))).isEmpty)
      #expect(model.dialog == nil)
      #expect(model.resultLine == "replay is read-only: no decisions")
    }
    model.press(.tab)
    #expect(model.focus == .occupancy)
    model.press(.enter)
    #expect(model.overlay != nil)
    // Replay keys wait while the detail view is open.
    model.press(.right)
    #expect(model.cursorText == "2026-01-22T14:30:00Z")
    model.press(.escape)
    model.press(.right)
    #expect(model.cursorText == "2026-01-22T14:36:00Z")
  }

  @Test("the selection stays on its airlift as the cursor moves")
  func selectionFollowsItem() throws {
    var model = try sampleReplay(at: "2026-01-22T14:30:00Z")
    let held = try #require(model.tables.airlifts.lookup("AL-0122-03"))
    while model.selectedAirlift != held { model.press(.down) }
    model.press(.right, .right, .right)
    #expect(model.selectedAirlift == held)
  }
}
