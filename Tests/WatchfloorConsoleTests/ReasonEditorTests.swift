import Testing
import WatchfloorConsole
import WatchfloorModel

@Suite("The reason editor")
struct ReasonEditorTests {
  func edit(_ keys: [Key], from text: String = "") -> ReasonEditor {
    var editor = ReasonEditor(text)
    for key in keys { editor.handle(key) }
    return editor
  }

  @Test("typing appends; ← and → move the cursor and typing inserts there")
  func insertAtCursor() {
    let editor = edit([.left, .left, .left, .left, .character("X")], from: "no crew")
    #expect(editor.text == "no Xcrew")
    #expect(editor.cursor == 4)
    #expect(edit([.right, .character("!")], from: "ab").text == "ab!")
  }

  @Test("Home and End jump to the ends")
  func homeAndEnd() {
    #expect(edit([.home, .character(">")], from: "fuel").text == ">fuel")
    #expect(edit([.home, .end, .character(".")], from: "fuel").text == "fuel.")
  }

  @Test("Backspace removes before the cursor, Delete after it; both stop at the ends")
  func backspaceAndDelete() {
    #expect(edit([.left, .backspace], from: "abc").text == "ac")
    #expect(edit([.left, .delete], from: "abc").text == "ab")
    #expect(edit([.delete], from: "abc").text == "abc")
    #expect(edit([.home, .backspace], from: "abc").text == "abc")
  }

  @Test("Ctrl-U clears before the cursor; Ctrl-W removes the word before it")
  func ctrlUAndCtrlW() {
    #expect(edit([.left, .left, .control("u")], from: "weather at hol").text == "ol")
    #expect(edit([.control("w")], from: "weather at hol").text == "weather at ")
    #expect(edit([.control("w"), .control("w")], from: "weather at hol  ").text == "weather ")
    let middle = edit([.left, .left, .left, .left, .control("w")], from: "weather at hol")
    #expect(middle.text == "weather  hol")
    #expect(middle.cursor == 8)
  }

  @Test("the editor works inside a deny dialog, through update, with the cursor drawn")
  func inTheDialog() throws {
    var model = try sampleConsole()
    model.press(.character("d"))
    model.type("crew rest")
    model.press(.home, .control("w"))
    model.type("no ")
    model.press(.end, .character("!"), .left)
    #expect(model.dialog?.reason == "no crew rest!")
    #expect(model.screenText.contains("Reason: no crew rest▏!"))
    model.press(.control("u"))
    #expect(model.dialog?.reason == "!")
    model.press(.delete, .enter)
    #expect(model.dialog?.editingReason == true)
    #expect(model.resultLine == "a reason is required")
  }
}
