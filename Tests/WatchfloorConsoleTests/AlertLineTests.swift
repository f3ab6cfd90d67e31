import Foundation
import Testing
import WatchfloorConsole
import WatchfloorModel

@Suite("The alert line: unacknowledged high and critical incidents stay on screen")
struct AlertLineTests {
  /// A line of the log reporting an incident.
  func report(_ id: String, _ severity: String, at time: String, summary: String = "Attack")
    -> String
  {
    #"{"ts":"\#(time)","type":"incident.reported","incident":"\#(id)","sector":"anbar-west","severity":"\#(severity)","kind":"attack","summary":"\#(summary)"}"#
  }

  func selectedIncident(_ model: ConsoleModel) -> String? {
    model.selectedIncident.map { model.tables.incident($0) }
  }

  @Test("the samples' unacknowledged critical sits under the header, escalated, on every size")
  func samplesAlert() throws {
    for (width, height) in [(80, 24), (120, 40), (200, 50)] {
      let model = try sampleConsole(width: width, height: height)
      let line = model.screen[2]
      #expect(line.contains("ALERT CRIT INC-0123-05"), "\(width)x\(height): \(line)")
      // Reported 21:40, the clock at 22:41: past the five minutes.
      #expect(line.contains("UNACKED 1h"), "\(line)")
      #expect(line.contains("IED found"), "\(line)")
      #expect(model.view()[1, 2].style.role == .critical)
      #expect(model.view()[1, 2].style.attributes.contains(.reverse))
    }
  }

  @Test("a new critical arriving while the incidents pane is scrolled down shows on the alert line")
  func offScreenCritical() throws {
    var model = try sampleConsole(width: 80, height: 24)
    ingest(
      (1...14).map { report("INC-I\($0)", "info", at: "2026-01-23T22:3\($0 % 10):00Z") },
      into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    model.press(.tab, .tab, .character("G"))
    #expect(model.focus == .incidents)
    ingest(
      [report("INC-NEW", "critical", at: "2026-01-23T22:42:00Z", summary: "Convoy fired on")],
      into: model.timeline)
    #expect(model.update(.logAdvanced(at: model.now)) == [.bell])
    let screen = model.screenText
    #expect(model.screen[2].contains("INC-0123-05"), "\(model.screen[2])")
    #expect(model.screen[2].contains("+1 more"), "\(model.screen[2])")
    // The scrolled list says rows came above what it shows, until they are scrolled into sight.
    #expect(screen.contains("↑ 1 new"), "\(screen)")
    let border = try #require(model.screen.first { $0.contains("↑ 1 new") })
    let x = try #require(border.range(of: "↑ 1 new")).lowerBound.utf16Offset(in: border)
    let y = try #require(model.screen.firstIndex(of: border))
    #expect(model.view()[x + 2, y].style.role == .warn)
    model.press(.character("g"))
    #expect(!model.screenText.contains("↑ 1 new"), "\(model.screenText)")
    model.press(.character("G"))
    #expect(!model.screenText.contains("↑ 1 new"))
  }

  @Test("! jumps to the alert from any pane, again to the next; a there acknowledges")
  func jumpAndAcknowledge() throws {
    var model = try sampleConsole()
    ingest(
      [report("INC-NEW", "high", at: "2026-01-23T22:42:00Z", summary: "Shots at the gate")],
      into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    model.press(.tab)
    #expect(model.focus == .occupancy)
    model.press(.character("!"))
    #expect(model.focus == .incidents)
    #expect(selectedIncident(model) == "INC-0123-05")
    model.press(.character("!"))
    #expect(selectedIncident(model) == "INC-NEW")
    model.press(.character("!"))
    #expect(selectedIncident(model) == "INC-0123-05")
    model.press(.character("a"))
    #expect(model.dialog?.kind == .acknowledge)
    #expect(model.dialog?.subjectID == "INC-0123-05")
  }

  @Test("! clears a filter that hides the alert; with no alert it says so")
  func jumpThroughFilter() throws {
    var model = try sampleConsole()
    model.press(.tab, .tab, .character("/"))
    model.type("sinjar")
    model.press(.enter)
    model.press(.character("!"))
    #expect(model.filter(.incidents) == nil)
    #expect(selectedIncident(model) == "INC-0123-05")
    ingest(
      [
        #"{"ts":"2026-01-23T22:43:00Z","type":"incident.acknowledged","incident":"INC-0123-05","by":"hassan"}"#
      ], into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    #expect(!model.screen[2].contains("ALERT"))
    model.press(.character("!"))
    #expect(model.resultLine == "no unacknowledged high or critical incident")
  }

  @Test("acknowledged, the alert line goes and the panes take its line back")
  func acknowledgedGoes() throws {
    var model = try sampleConsole(width: 80, height: 24)
    #expect(model.layout.alert.height == 1)
    ingest(
      [
        #"{"ts":"2026-01-23T22:43:00Z","type":"incident.acknowledged","incident":"INC-0123-05","by":"hassan"}"#
      ], into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    #expect(model.layout.alert.height == 0)
    #expect(model.layout.airlifts.y == 2)
    #expect(!model.screenText.contains("ALERT"))
  }

  @Test("a critical unacknowledged past escalate_after is marked and rings exactly once more")
  func escalation() throws {
    var model = try sampleConsole()
    let start = model.now
    func at(_ seconds: Int64) -> Timestamp { Timestamp(seconds: start.seconds + seconds) }
    // The samples' critical is overdue already: opening the console rings nothing for it.
    #expect(model.update(.tick(at(1))).isEmpty)
    ingest(
      [
        #"{"ts":"2026-01-23T22:43:00Z","type":"incident.acknowledged","incident":"INC-0123-05","by":"hassan"}"#,
        report("INC-NEW", "critical", at: RFC3339.utcText(at(0)), summary: "Convoy fired on"),
      ], into: model.timeline)
    #expect(model.update(.logAdvanced(at: at(2))) == [.bell])
    #expect(model.screen[2].contains("INC-NEW"))
    #expect(!model.screen[2].contains("UNACKED"))
    #expect(model.update(.tick(at(240))).isEmpty)
    #expect(model.update(.tick(at(300))).isEmpty)
    #expect(model.update(.tick(at(301))) == [.bell])
    #expect(model.screen[2].contains("UNACKED 5m"), "\(model.screen[2])")
    #expect(model.update(.tick(at(420))).isEmpty)
    #expect(model.screen[2].contains("UNACKED 7m"))
    #expect(model.update(.tick(at(3600))).isEmpty)
  }

  @Test("escalation follows escalate_after, and a bell that is off stays off")
  func escalationSettings() throws {
    var model = try sampleConsole()
    model.escalateAfterSeconds = 60
    model.bellEnabled = false
    let start = model.now
    ingest(
      [report("INC-NEW", "critical", at: RFC3339.utcText(start), summary: "Convoy fired on")],
      into: model.timeline)
    #expect(model.update(.logAdvanced(at: start)).isEmpty)
    #expect(model.update(.tick(Timestamp(seconds: start.seconds + 61))).isEmpty)
    #expect(model.screen[2].contains("UNACKED"))
  }

  @Test("the help lists ! and the footer offers it only while there is an alert")
  func keyMapLine() throws {
    var model = try sampleConsole(width: 160, height: 40)
    #expect(KeyMap.helpLines(replay: false).contains { $0.keys == "!" })
    #expect(model.screen.last?.contains("! alert") == true)
    ingest(
      [
        #"{"ts":"2026-01-23T22:43:00Z","type":"incident.acknowledged","incident":"INC-0123-05","by":"hassan"}"#
      ], into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    #expect(model.screen.last?.contains("! alert") == false)
  }

  @Test("a replay shows what was unacknowledged as of its cursor, and never rings")
  func replayAlert() throws {
    var model = try sampleReplay(day: "2026-01-23", at: "2026-01-23T21:45:00Z")
    #expect(model.screenText.contains("ALERT CRIT INC-0123-05"))
    #expect(model.update(.tick(Timestamp(seconds: 1_900_000_000))).isEmpty)
  }
}
