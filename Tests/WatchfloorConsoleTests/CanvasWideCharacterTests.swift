import Testing
import WatchfloorConsole

@Suite("Canvas: wide and combining characters")
struct CanvasWideCharacterTests {
  @Test func wideCharactersTakeTwoCells() {
    var canvas = Canvas(width: 10, height: 1)
    #expect(canvas.put("日本x", x: 1, y: 0) == 5)
    #expect(canvas[1, 0].text == "日")
    #expect(canvas[1, 0].width == 2)
    #expect(canvas[2, 0].isContinuation)
    #expect(canvas[3, 0].text == "本")
    #expect(canvas[5, 0].text == "x")
    #expect(canvas.lines() == [" 日本x"])
  }

  @Test func columnsStayAlignedInARowWithCJKAndEmoji() {
    var canvas = Canvas(width: 30, height: 3)
    let rows = [("AL-1", "Erbil"), ("AL-22", "سجن الحوت"), ("AL-333", "東京😀")]
    for (y, row) in rows.enumerated() {
      canvas.put(row.0, x: 0, y: y, width: 8)
      canvas.put(row.1, x: 8, y: y, width: 12)
      canvas.put("|", x: 20, y: y)
    }
    for y in 0..<3 {
      #expect(canvas[20, y].text == "|", "row \(y)")
    }
    #expect(canvas.lines()[2] == "AL-333  東京😀      |")
  }

  @Test func combiningMarksJoinThePreviousCell() {
    var canvas = Canvas(width: 10, height: 1)
    #expect(canvas.put("e\u{301}te\u{301}|", x: 0, y: 0) == 4)
    #expect(canvas[0, 0].text == "e\u{301}")
    #expect(canvas[1, 0].text == "t")
    #expect(canvas[2, 0].text == "e\u{301}")
    #expect(canvas[3, 0].text == "|")
  }

  @Test func aLoneCombiningMarkIsDrawnOnASpaceOfItsOwn() {
    var canvas = Canvas(width: 10, height: 1)
    canvas.put("ab", x: 0, y: 0)
    #expect(canvas.put("\u{301}c", x: 2, y: 0) == 2)
    #expect(canvas[1, 0].text == "b")
    #expect(canvas[2, 0].text == " \u{301}")
    #expect(canvas[3, 0].text == "c")
  }

  @Test func aWideCharacterThatDoesNotFitAtTheRightEdgeBecomesASpace() {
    var canvas = Canvas(width: 5, height: 1)
    #expect(canvas.put("ab日本", x: 0, y: 0) == 5)
    #expect(canvas.lines(trimmingTrailingSpaces: false) == ["ab日 "])
    #expect(canvas[4, 0].width == 1)
  }

  @Test func aWideCharacterCutByTheGivenWidthBecomesASpace() {
    var canvas = Canvas(width: 10, height: 1)
    canvas.fill(canvas.bounds, with: ".")
    #expect(canvas.put("日本", x: 0, y: 0, width: 3) == 3)
    #expect(canvas.lines() == ["日 ......."])
  }

  @Test func ellipsisAfterWideCharacters() {
    var canvas = Canvas(width: 10, height: 2)
    #expect(canvas.put("日本語", x: 0, y: 0, width: 4, overflow: .ellipsis) == 3)
    #expect(canvas.put("日本語", x: 0, y: 1, width: 5, overflow: .ellipsis) == 5)
    #expect(canvas.lines() == ["日…", "日本…"])
  }

  @Test func aWideCharacterStraddlingTheLeftEdgeBecomesASpace() {
    var canvas = Canvas(width: 5, height: 1)
    #expect(canvas.put("日本", x: -1, y: 0) == 4)
    #expect(canvas.lines() == [" 本"])
    #expect(canvas[0, 0].width == 1)
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var canvas = Canvas(width: 6, height: 2)
    canvas.put("日本", x: 0, y: 0)
    canvas.put("x", x: 1, y: 0)  // right half of 日
    #expect(canvas.lines()[0] == " x本")
    canvas.put("日本", x: 0, y: 1)
    canvas.put("y", x: 2, y: 1)  // left half of 本
    #expect(canvas.lines()[1] == "日y")
    #expect(canvas[3, 1] == Cell.blank())
    expectWellFormed(canvas)
  }

  @Test func wideOverWide() {
    var canvas = Canvas(width: 6, height: 1)
    canvas.put("日本", x: 0, y: 0)
    canvas.put("語", x: 1, y: 0)
    #expect(canvas.lines() == [" 語"])
    expectWellFormed(canvas)
  }

  @Test func flagsAndSkinTonesKeepTheirTerminalWidth() {
    var canvas = Canvas(width: 10, height: 1)
    #expect(canvas.put("🇮🇶|", x: 0, y: 0) == 3)  // a flag: two regional indicators, one column each
    #expect(canvas[2, 0].text == "|")
  }

  /// Every continuation cell follows a lead of width 2, and every lead has its continuation.
  private func expectWellFormed(_ canvas: Canvas, sourceLocation: SourceLocation = #_sourceLocation)
  {
    for y in 0..<canvas.height {
      for x in 0..<canvas.width {
        let cell = canvas[x, y]
        if cell.width == 2 {
          #expect(
            x + 1 < canvas.width && canvas[x + 1, y].isContinuation, sourceLocation: sourceLocation)
        }
        if cell.isContinuation {
          #expect(x > 0 && canvas[x - 1, y].width == 2, sourceLocation: sourceLocation)
        }
      }
    }
  }
}
