import Testing
import WatchfloorConsole

@Suite("TextFitting")
struct TextFittingTests {
  @Test func truncate() {
    #expect(TextFitting.truncate("Baghdad", toColumns: 10) == "Baghdad")
    #expect(TextFitting.truncate("Baghdad", toColumns: 7) == "Baghdad")
    #expect(TextFitting.truncate("Baghdad", toColumns: 5) == "Bagh…")
    #expect(TextFitting.truncate("Baghdad", toColumns: 1) == "…")
    #expect(TextFitting.truncate("Baghdad", toColumns: 0) == "")
    #expect(TextFitting.truncate("日本語", toColumns: 4) == "日…")
    #expect(TextFitting.truncate("e\u{301}e\u{301}e\u{301}", toColumns: 2) == "e\u{301}…")
    #expect(TextFitting.truncate("a\u{1B}[2J", toColumns: 4) == "a\\e…")
  }

  @Test func pad() {
    #expect(TextFitting.pad("42", toColumns: 5, align: .right) == "   42")
    #expect(TextFitting.pad("日", toColumns: 5) == "日   ")
    #expect(TextFitting.pad("ab", toColumns: 5, align: .center) == " ab  ")
    #expect(TextFitting.pad("abcdef", toColumns: 4) == "abc…")
  }
}
