import Foundation
import Testing
import WatchfloorConsole
import WatchfloorModel

@Suite("Decisions from the keyboard, through update")
struct ConsoleDecisionTests {
  @Test("a opens a confirmation for exactly the selected airlift; y asks the run loop to write it")
  func approve() throws {
    var model = try sampleConsole()
    model.operatorName = "hassan"
    model.press(.character("a"))
    let dialog = try #require(model.dialog)
    #expect(dialog.subjectID == "AL-0123-10" && dialog.kind == .approve)
    let text = model.screenText
    #expect(text.contains("Approve airlift AL-0123-10"))
    #expect(text.contains("south-site: 610 of 2,000 now (31%), 810 after landing (41%)"))
    #expect(text.contains("Two-person rule: second approval"))
    let effects = model.press(.character("y"))
    #expect(
      effects == [
        .decide(
          DecisionRequest(
            kind: .approve, subjectID: "AL-0123-10", reason: "", snapshot: dialog.snapshot))
      ])
    #expect(model.dialog == nil)
  }

  @Test("the confirmation marks a destination over capacity as the panes do: ! and !!")
  func loadMarksInTheDialog() throws {
    var model = try sampleConsole()
    model.operatorName = "hassan"
    // AL-0123-13, bound for Karkh (6,476 of 3,000, 50 inbound), is the second pending row.
    model.press(.down, .character("a"))
    let dialog = try #require(model.dialog)
    #expect(dialog.subjectID == "AL-0123-13")
    #expect(
      model.screenText.contains("karkh: 6,476 of 3,000 now (216%!!), 6,666 after landing (222%!!)"))
  }

  @Test("the same officer cannot give the second approval: y writes nothing")
  func sameOfficerBlocked() throws {
    var model = try sampleConsole()
    model.operatorName = "karim"
    model.press(.character("a"))
    #expect(model.screenText.contains("✗ karim already gave the first approval"))
    #expect(model.press(.character("y")).isEmpty)
    #expect(
      model.resultLine?.hasPrefix("not written: karim already gave the first approval") == true)
  }

  @Test("deny asks for a reason first; Enter with none keeps asking; Esc cancels")
  func denyNeedsReason() throws {
    var model = try sampleConsole()
    model.press(.character("j"), .character("d"))
    #expect(model.dialog?.editingReason == true)
    #expect(model.press(.character("y")).isEmpty)  // typed into the reason, not a confirmation
    model.press(.backspace, .enter)
    #expect(model.dialog?.editingReason == true)
    #expect(model.resultLine == "a reason is required")
    model.type("Karkh above 200%")
    model.press(.enter)
    #expect(model.dialog?.editingReason == false)
    #expect(model.screenText.contains("Reason: Karkh above 200%"))
    let effects = model.press(.character("y"))
    #expect(effects.count == 1)
    if case .decide(let request) = effects.first {
      #expect(request.kind == .deny && request.subjectID == "AL-0123-13")
      #expect(request.reason == "Karkh above 200%")
    }
    model.press(.character("h"))
    model.press(.escape)
    #expect(model.dialog == nil && model.resultLine == "cancelled")
  }

  @Test("a dialog whose airlift changed meanwhile refuses, and says so")
  func staleRefused() throws {
    var model = try sampleConsole()
    model.operatorName = "hassan"
    model.press(.character("a"))
    ingest(
      [
        #"{"ts":"2026-01-23T23:00:00Z","type":"airlift.approved","airlift":"AL-0123-10","by":"layla"}"#
      ],
      into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    #expect(model.screenText.contains("changed since this opened"))
    #expect(model.press(.character("y")).isEmpty)
    #expect(model.resultLine == "not written: AL-0123-10 changed while the dialog was open")
    // The selection stayed on the airlift that changed.
    #expect(model.tables.airlift(model.selectedAirlift ?? .none) == "AL-0123-10")
  }

  @Test("a on the incidents pane acknowledges; replay and viewers may not decide")
  func acknowledgeAndReadOnly() throws {
    var model = try sampleConsole()
    model.press(.backTab, .character("a"))
    #expect(model.dialog?.kind == .acknowledge)
    #expect(model.screenText.contains("Acknowledge incident INC-0123-05"))
    let effects = model.press(.character("y"))
    #expect(effects.count == 1)
    let day = try #require(DayWindow(date: "2026-01-23", offsetMinutes: 0))
    model.startReplay(Replay(moments: DayMoments(timeline: model.timeline, day: day)))
    model.press(.character("a"))
    #expect(model.dialog == nil)
    #expect(model.resultLine == "replay is read-only: no decisions")
  }

  @Test("a viewer on the roster watches but every decision key says no")
  func viewerRefused() throws {
    var model = try sampleConsole()
    model.roster = .file(path: "roster.toml")
    model.operatorRole = .viewer
    model.operatorName = "supervisor"
    #expect(model.screen[0].contains("officer supervisor (viewer)"))
    for key in ["a", "d", "h"] {
      model.press(.character(Character(key)))
      #expect(model.dialog == nil)
      #expect(
        model.resultLine == "supervisor is a viewer on the roster: watching only, no decisions")
    }
  }

  @Test("rosters load from TOML and name what is wrong")
  func rosterFiles() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "roster-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let good = directory.appendingPathComponent("good.toml")
    try Data("approvers = [\"hassan\"]\nviewers = [\"sv\"]\n".utf8).write(to: good)
    let roster = try Roster.load(path: good.path)
    #expect(roster.role(of: "hassan") == .approver)
    #expect(roster.role(of: "sv") == .viewer)
    #expect(roster.role(of: "x") == .unknown)
    let bad = directory.appendingPathComponent("bad.toml")
    try Data("approver = [\"hassan\"]\n".utf8).write(to: bad)
    #expect(throws: RosterError.self) { try Roster.load(path: bad.path) }
    let syntax = directory.appendingPathComponent("syntax.toml")
    try Data("approvers = [\"hassan\"\n".utf8).write(to: syntax)
    do {
      _ = try Roster.load(path: syntax.path)
      Issue.record("a syntax error should be refused")
    } catch {
      #expect(error.description.contains("syntax.toml:"))
    }
  }
}
