import Foundation
import Testing
import WatchfloorConsole
import WatchfloorModel

/// The selection never jumps: it follows its item through refreshes, filters and their
/// clearing; rows hold still for three seconds after a movement key; a dialog acts on the
/// item selected when its key was pressed.
@Suite("Selection that never jumps")
struct SelectionHoldTests {
  func selected(_ model: ConsoleModel) -> String? {
    model.selectedAirlift.map { model.tables.airlift($0) }
  }

  /// The screen row of the airlift `id`, and whether the cursor is on it.
  func row(of id: String, in model: ConsoleModel) -> (line: Int, selected: Bool)? {
    guard let line = model.screen.firstIndex(where: { $0.contains(id) }) else { return nil }
    return (line, model.screen[line].contains("› "))
  }

  /// A new high-value request with a first approval: it sorts above every pending airlift.
  let newRowAbove = [
    #"{"ts":"2026-01-23T23:00:00Z","type":"airlift.requested","airlift":"AL-NEW","origin":"hol","destination":"karkh","detainees":30,"high_value":2,"etd":"2026-01-24T02:00:00Z","by":"liaison"}"#,
    #"{"ts":"2026-01-23T23:01:00Z","type":"airlift.approved","airlift":"AL-NEW","by":"noor"}"#,
  ]

  @Test("a filter with no match, kept, then cleared: the selection is back on its airlift")
  func filterWithNoMatchThenCleared() throws {
    var model = try sampleConsole()
    model.press(.character("j"), .character("j"))
    #expect(selected(model) == "AL-0123-11")
    model.press(.character("/"))
    model.type("zzz")
    model.press(.enter)
    #expect(model.selectedAirlift == nil)
    #expect(model.screenText.contains("No airlift matches the filter."))
    // Nothing selected: `a` must not act on a hidden row.
    #expect(model.press(.character("a")).isEmpty)
    #expect(model.dialog == nil)
    model.press(.escape)
    #expect(selected(model) == "AL-0123-11")
    #expect(row(of: "AL-0123-11", in: model)?.selected == true)
  }

  @Test("a filter that hides the airlift moves the cursor to a match; changing it brings it back")
  func filterHidingTheSelection() throws {
    var model = try sampleConsole()
    model.press(.character("j"), .character("j"))
    model.press(.character("/"))
    model.type("karkh")
    #expect(selected(model) == "AL-0123-13")
    model.press(.backspace, .backspace, .backspace, .backspace, .backspace)
    model.type("sulay")
    #expect(selected(model) == "AL-0123-11")
    model.press(.escape)
    model.press(.escape)
    #expect(model.filter(.airlifts) == nil)
    #expect(selected(model) == "AL-0123-11")
  }

  @Test("moving under a filter chooses the new row, which stays chosen after clearing")
  func movingUnderAFilter() throws {
    var model = try sampleConsole()
    model.press(.character("/"))
    model.type("karkh")
    model.press(.enter, .character("j"))
    #expect(selected(model) == "AL-0123-12")
    model.press(.escape)
    #expect(selected(model) == "AL-0123-12")
  }

  @Test("rows hold still for 3 s after a movement key; the change waits, is counted, then applies")
  func rowsHoldStill() throws {
    var model = try sampleConsole()
    _ = model.update(.frame(100))
    model.press(.character("j"), .character("j"))
    let before = try #require(row(of: "AL-0123-11", in: model))
    #expect(before.selected)
    ingest(newRowAbove, into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    // Held: the new row waits, the selected row has not moved, the title counts the change.
    #expect(row(of: "AL-NEW", in: model) == nil)
    #expect(row(of: "AL-0123-11", in: model)?.line == before.line)
    let title = model.screen.first { $0.contains("Airlifts (") } ?? ""
    #expect(title.contains("Airlifts (5) by urgency · 1 change waiting"), "\(title)")
    _ = model.update(.frame(102.9))
    #expect(row(of: "AL-NEW", in: model) == nil)
    _ = model.update(.frame(103.0))
    #expect(row(of: "AL-NEW", in: model) != nil)
    #expect(selected(model) == "AL-0123-11")
    #expect(row(of: "AL-0123-11", in: model)?.line == before.line + 1)
    #expect(!(model.screen.first { $0.contains("Airlifts (") } ?? "").contains("waiting"))
  }

  @Test("each movement key renews the hold, and k lands on the row shown above")
  func keysAimAtTheRowsShown() throws {
    var model = try sampleConsole()
    _ = model.update(.frame(100))
    model.press(.character("j"), .character("j"), .character("j"))
    #expect(selected(model) == "AL-0123-12")
    ingest(newRowAbove, into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    _ = model.update(.frame(102))
    model.press(.character("k"))
    #expect(selected(model) == "AL-0123-11")
    _ = model.update(.frame(104.5))
    // 2.5 s after the last key: still held.
    #expect(row(of: "AL-NEW", in: model) == nil)
    model.press(.character("k"), .character("k"))
    #expect(selected(model) == "AL-0123-10")
    _ = model.update(.frame(107.6))
    #expect(row(of: "AL-NEW", in: model) != nil)
    #expect(selected(model) == "AL-0123-10")
  }

  @Test("an airlift that leaves while rows are held stays in place until the hold ends")
  func leavingRowWaits() throws {
    var model = try sampleConsole()
    _ = model.update(.frame(10))
    model.press(.end, .character("k"))
    #expect(selected(model) == "AL-0123-12")
    let landedLine = try #require(row(of: "AL-0123-09", in: model)).line
    ingest(
      [#"{"ts":"2026-01-23T23:30:00Z","type":"airlift.landed","airlift":"AL-0123-09"}"#],
      into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    #expect(row(of: "AL-0123-09", in: model)?.line == landedLine)
    #expect(model.screen[landedLine].contains("LANDED"))
    #expect(model.screenText.contains("1 change waiting"))
    _ = model.update(.frame(13))
    #expect(row(of: "AL-0123-09", in: model) == nil)
    #expect(selected(model) == "AL-0123-12")
  }

  @Test("a filter lets go of held rows at once")
  func filterReleasesTheHold() throws {
    var model = try sampleConsole()
    _ = model.update(.frame(0))
    model.press(.character("j"))
    ingest(newRowAbove, into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    model.press(.character("/"))
    model.type("karkh")
    #expect(row(of: "AL-NEW", in: model) != nil)
    #expect(model.panes.airlifts.held == nil)
  }

  @Test("a replay does not hold rows: they follow its cursor")
  func replayDoesNotHold() throws {
    var model = try sampleReplay(at: "2026-01-22T14:30:00Z")
    _ = model.update(.frame(0))
    model.press(.character("j"))
    #expect(model.panes.airlifts.held == nil)
  }

  @Test("a dialog acts on the airlift selected when its key was pressed, whatever moves after")
  func dialogKeepsItsAirlift() throws {
    var model = try sampleConsole()
    _ = model.update(.frame(0))
    model.press(.character("j"), .character("j"))
    #expect(selected(model) == "AL-0123-11")
    model.press(.character("d"))
    // Rows move and the hold ends while the reason is typed.
    ingest(newRowAbove, into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    _ = model.update(.frame(10))
    #expect(
      model.airliftRows().map { model.tables.airlift($0.id) }.prefix(2) == ["AL-NEW", "AL-0123-10"])
    model.type("no aircraft")
    model.press(.enter)
    let effects = model.press(.character("y"))
    guard case .decide(let request) = effects.first else {
      Issue.record("expected a decision, got \(effects)")
      return
    }
    #expect(request.subjectID == "AL-0123-11")
    #expect(request.kind == .deny)
  }
}

@Suite("Filters look in every column shown")
struct FilterColumnsTests {
  @Test("the airlifts filter finds approvers and the ETD shown; the title says how many of all")
  func airliftColumns() throws {
    var model = try sampleConsole()
    model.press(.character("/"))
    model.type("noor")
    #expect(
      model.airliftRows().map { model.tables.airlift($0.id) } == ["AL-0123-12", "AL-0123-09"])
    #expect(model.screenText.contains("Airlifts (2 of 5) by urgency  /noor"))
    model.press(.escape)
    model.press(.character("/"))
    model.type("24 jan 10:00")
    #expect(model.airliftRows().map { model.tables.airlift($0.id) } == ["AL-0123-13"])
  }

  @Test("the occupancy filter finds a facility's status and figures; its title counts")
  func occupancyColumns() throws {
    var model = try sampleConsole()
    ingest(
      [
        #"{"ts":"2026-01-23T22:50:00Z","type":"facility.updated","facility":"karkh","status":"lockdown"}"#
      ],
      into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    model.press(.tab, .character("/"))
    model.type("lockdown")
    #expect(model.facilityRows().map { model.tables.facility($0.symbol) } == ["karkh"])
    #expect(model.screenText.contains("Occupancy (1 of 8)  /lockdown"))
    // The row keeps its figures and inbound beside the status.
    let row = model.screen.first { $0.contains("LOCKDOWN") } ?? ""
    #expect(row.contains("6,476/3,000") && row.contains("+50"), "\(row)")
  }
}
