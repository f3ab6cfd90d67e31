import Foundation
import Testing
import WatchfloorConsole
import WatchfloorModel

@Suite("The status line: messages clear, errors stay until a key, never over the hints")
struct StatusMessageTests {
  @Test("a message clears after 10 s on the status clock")
  func clears() throws {
    var model = try sampleConsole(width: 160, height: 40)
    _ = model.update(.statusClock(100))
    model.press(.character("a"), .escape)
    #expect(model.resultLine == "cancelled")
    _ = model.update(.statusClock(105))
    #expect(model.resultLine == "cancelled")
    _ = model.update(.statusClock(109.9))
    #expect(model.screen.last?.contains("cancelled") == true)
    _ = model.update(.statusClock(110))
    #expect(model.resultLine == nil)
    #expect(model.screen.last?.contains("cancelled") == false)
  }

  @Test("an error stays however long, until the next key")
  func errorsStay() throws {
    var model = try sampleConsole()
    _ = model.update(.statusClock(0))
    _ = model.update(.decisionResult("not written: cannot lock /var/log/ops.jsonl: busy"))
    _ = model.update(.statusClock(600))
    #expect(model.resultLine?.hasPrefix("not written") == true)
    model.press(.character("j"))
    #expect(model.resultLine == nil)
  }

  @Test("a long message is cut at a word before the hints that stay, never run into them")
  func neverOverHints() throws {
    var model = try sampleConsole(width: 80, height: 24)
    let long =
      "not written: cannot lock /var/log/watchfloor/operations-2026-01-23.jsonl: "
      + "Resource temporarily unavailable while another console held it"
    _ = model.update(.decisionResult(long))
    let footer = try #require(model.screen.last)
    #expect(footer.contains("? help"), "\(footer)")
    #expect(footer.contains("q quit"), "\(footer)")
    #expect(footer.contains("…  "), "\(footer)")
    let view = model.view()
    let row = model.size.height - 1
    let cut = try #require(footer.range(of: "…")).lowerBound.utf16Offset(in: footer)
    #expect(view[cut, row].style.role == .danger)
    #expect(view[cut + 1, row].text == " " && view[cut + 2, row].text == " ")
  }

  @Test("a blocked dialog offers only Esc close, and says nothing of what it would do")
  func blockedDialog() throws {
    var model = try sampleConsole()
    // AL-0123-10 awaits its second approval; hassan is the officer. A second approval by the
    // officer who gave the first is blocked.
    let first = try #require(model.tables.airlifts.lookup("AL-0123-10"))
    #expect(model.selectedAirlift == first)
    model.operatorName = "karim"
    model.press(.character("a"))
    let screen = model.screenText
    #expect(screen.contains("✗"), "\(screen)")
    #expect(!screen.contains("this makes it approved"))
    #expect(!screen.contains("y confirm"))
    #expect(screen.contains("Esc close"))
    #expect(model.footerKeysText.hasPrefix("Esc close"))
    model.press(.escape)
    #expect(model.dialog == nil)
  }

  @Test("an allowed second approval still says what it does")
  func allowedDialog() throws {
    var model = try sampleConsole()
    model.press(.character("a"))
    let screen = model.screenText
    #expect(screen.contains("this makes it approved"), "\(screen)")
    #expect(screen.contains("y confirm"))
  }
}
