import Testing
import WatchfloorConsole

@Suite("Confirmations wrap rather than cut")
struct DialogWrapTests {
  @Test("at 80x24 a long reason shows whole in the confirmation, over several lines")
  func longReason() throws {
    var model = try sampleConsole(width: 80, height: 24)
    let reason =
      "manifest mismatch at the gate: two names on the list do not match the wristbands and "
      + "the escort commander asks for a recount before boarding"
    model.press(.character("d"))
    model.type(reason)
    model.press(.enter)
    #expect(model.dialog?.editingReason == false)
    let screen = model.screen
    // The dialog's rows, without their frame: the reason's words in order, none cut.
    let rows = screen.filter { $0.contains("║") }.map { row -> String in
      let inner = row.split(separator: "║", omittingEmptySubsequences: false)
      return inner.count >= 3 ? String(inner[1]).trimmingCharacters(in: .whitespaces) : ""
    }
    let text = rows.joined(separator: " ")
    #expect(text.contains("Reason: manifest mismatch"), "\(text)")
    #expect(text.contains("recount before boarding"), "\(text)")
    #expect(!rows.contains { $0.hasSuffix("…") }, "\(rows)")
    #expect(
      rows.filter { $0.contains("Reason:") || $0.hasPrefix("the escort") || $0.contains("recount") }
        .count >= 2)
  }
}
