import Testing
import WatchfloorConsole
import WatchfloorModel

/// The sample's airlifts pane, top to bottom: AL-0123-10 (awaiting its second approval),
/// AL-0123-13 and AL-0123-11 (pending), AL-0123-12 (approved, hol → karkh, 50 detainees),
/// AL-0123-09 (in flight).
@Suite("Cancel and divert from the keyboard, through update")
struct ConsoleCancelDivertTests {
  @Test("c on a pending airlift asks for a reason, then confirms; y asks the run loop to write it")
  func cancelPending() throws {
    var model = try sampleConsole()
    model.press(.down, .character("c"))
    let dialog = try #require(model.dialog)
    #expect(dialog.kind == .cancel && dialog.subjectID == "AL-0123-13" && dialog.editingReason)
    model.press(.enter)
    #expect(model.resultLine == "a reason is required" && model.dialog?.editingReason == true)
    model.type("escort unavailable")
    model.press(.enter)
    let text = model.screenText
    #expect(text.contains("Cancel airlift AL-0123-13"))
    #expect(text.contains("Cancelling is final: the 140 detainees stay at ghwayran"))
    #expect(text.contains("Reason: escort unavailable"))
    #expect(text.contains("y cancel the airlift · n or Esc keep it"))
    // Pending: Karkh did not count them as inbound, so its load is not said to change.
    #expect(!text.contains("no longer expects them"))
    let effects = model.press(.character("y"))
    #expect(
      effects == [
        .decide(
          DecisionRequest(
            kind: .cancel, subjectID: "AL-0123-13", reason: "escort unavailable",
            snapshot: dialog.snapshot))
      ])
  }

  @Test("c on an approved airlift shows that its destination sheds the inbound detainees")
  func cancelApproved() throws {
    var model = try sampleConsole()
    model.press(.down, .down, .down, .character("c"))
    #expect(model.dialog?.subjectID == "AL-0123-12")
    model.type("aircraft unserviceable")
    model.press(.enter)
    #expect(model.screenText.contains("karkh no longer expects them: projected 6,526 → 6,476"))
    let effects = model.press(.character("y"))
    guard case .decide(let request) = effects.first else {
      Issue.record("nothing to write")
      return
    }
    #expect(request.kind == .cancel && request.reason == "aircraft unserviceable")
  }

  @Test("c on an in-flight airlift is refused at once, before a reason, naming what is possible")
  func cancelInFlightRefused() throws {
    var model = try sampleConsole()
    model.press(.end, .character("c"))
    #expect(model.dialog == nil)
    #expect(model.resultLine == "cannot cancel AL-0123-09: it is in-flight · possible: r divert")
    // The key typed next is not taken into a reason: it does what it always does.
    model.press(.character("k"))
    #expect(model.tables.airlift(model.selectedAirlift ?? .none) == "AL-0123-12")
  }

  @Test("h on an approved airlift is refused at once with what is possible instead")
  func holdApprovedRefused() throws {
    var model = try sampleConsole()
    model.press(.down, .down, .down, .character("h"))
    #expect(model.dialog == nil)
    #expect(
      model.resultLine == "cannot hold AL-0123-12: it is approved · possible: c cancel, r divert")
    model.press(.character("d"))
    #expect(model.dialog == nil)
    #expect(
      model.resultLine == "cannot deny AL-0123-12: it is approved · possible: c cancel, r divert")
    model.press(.character("a"))
    #expect(model.resultLine?.hasPrefix("cannot approve AL-0123-12: it is approved") == true)
    model.press(.up, .character("r"))
    #expect(model.dialog == nil)
    #expect(
      model.resultLine
        == "cannot divert AL-0123-11: it is pending · possible: a approve, d deny, h hold, c cancel"
    )
  }

  @Test("r lists the destinations with their load after landing; ↑↓ jk move; Enter then y diverts")
  func divertPicker() throws {
    var model = try sampleConsole()
    model.press(.down, .down, .down, .character("r"))
    let dialog = try #require(model.dialog)
    #expect(dialog.kind == .divert && dialog.subjectID == "AL-0123-12")
    let picker = try #require(dialog.picker)
    #expect(
      picker.facilities.map { model.tables.facility($0) } == [
        "nasiriyah", "south-site", "sulaymaniyah", "ghwayran", "hasakah", "qamishli",
      ])
    var text = model.screenText
    #expect(text.contains("Divert airlift AL-0123-12"))
    #expect(text.contains("FACILITY"))
    #expect(text.contains("AFTER LANDING"))
    #expect(text.contains("SECURITY"))
    #expect(text.contains("INCIDENTS"))
    #expect(text.contains("› nasiriyah"))
    #expect(text.contains("33% 660/2,000"))  // south-site with the 50 landed
    #expect(text.contains("106%! 950/900"))  // sulaymaniyah
    #expect(model.view().lines().last?.contains("Enter this destination") == true)
    model.press(.character("j"), .down, .character("k"))
    #expect(model.dialog?.picker?.selected == 1)
    model.press(.up, .up, .up)
    #expect(model.dialog?.picker?.selected == 0)  // clamped at the top
    model.press(.down)
    text = model.screenText
    #expect(text.contains("› south-site"))
    model.press(.enter)
    #expect(model.dialog?.picker == nil && model.dialog?.editingReason == true)
    // The reason is optional: Enter with none goes on to the confirmation.
    model.press(.enter)
    #expect(model.dialog?.editingReason == false)
    text = model.screenText
    #expect(text.contains("hol → south-site (was karkh)"))
    #expect(text.contains("south-site: 610 of 2,000 now, 610 projected, 660 after landing (33%)"))
    #expect(text.contains("Reason: none given"))
    #expect(text.contains("karkh no longer expects them: projected 6,526 → 6,476"))
    let effects = model.press(.character("y"))
    #expect(
      effects == [
        .decide(
          DecisionRequest(
            kind: .divert, subjectID: "AL-0123-12", reason: "", snapshot: dialog.snapshot,
            destinationID: "south-site"))
      ])
  }

  @Test("a destination the policy refuses is marked in the list and blocked in the confirmation")
  func divertToLockdown() throws {
    var model = try sampleConsole()
    ingest(
      [
        #"{"ts":"2026-01-23T23:00:00Z","type":"facility.updated","facility":"south-site","status":"lockdown"}"#
      ],
      into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    model.press(.end, .character("r"))
    #expect(model.dialog?.subjectID == "AL-0123-09")
    // AL-0123-09 is bound for nasiriyah: the list starts at karkh.
    #expect(model.screenText.contains("› karkh"))
    #expect(model.screenText.contains("south-site   Secure site"))
    let row = try #require(model.screen.first { $0.contains("south-site   Secure site") })
    #expect(row.contains("LOCKDOWN"))
    model.press(.enter, .enter)
    #expect(model.screenText.contains("! destination \"karkh\" will be more than 150% full"))
    model.press(.escape)
    #expect(model.dialog == nil && model.resultLine == "cancelled")
    model.press(.character("r"), .down, .enter, .enter)
    #expect(
      model.screenText.contains(
        "✗ destination \"south-site\" is in lockdown: it cannot receive detainees"))
    #expect(model.press(.character("y")).isEmpty)
    #expect(
      model.resultLine?.hasPrefix("not written: destination \"south-site\" is in lockdown") == true)
  }

  @Test("Esc in the list closes the dialog; in a replay r says it is read-only")
  func divertEscapeAndReplay() throws {
    var model = try sampleConsole()
    model.press(.down, .down, .down, .character("r"))
    #expect(model.dialog?.picker != nil)
    model.press(.escape)
    #expect(model.dialog == nil && model.resultLine == "cancelled")
    let day = try #require(DayWindow(date: "2026-01-23", offsetMinutes: 0))
    model.startReplay(Replay(moments: DayMoments(timeline: model.timeline, day: day)))
    model.press(.character("c"))
    #expect(model.dialog == nil && model.resultLine == "replay is read-only: no decisions")
    model.press(.character("r"))
    #expect(model.dialog == nil && model.resultLine == "replay is read-only: no decisions")
  }
}
