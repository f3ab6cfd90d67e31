import Testing
import WatchfloorConsole

@Suite("Canvas: text")
struct CanvasTextTests {
  @Test func blankCanvasHasEmptyTrimmedLines() {
    let canvas = Canvas(width: 4, height: 2)
    #expect(canvas.lines() == ["", ""])
    #expect(canvas.lines(trimmingTrailingSpaces: false) == ["    ", "    "])
    #expect(canvas[3, 1] == Cell.blank())
  }

  @Test func textLandsAtExactPosition() {
    var canvas = Canvas(width: 10, height: 3)
    let used = canvas.put("abc", x: 2, y: 1)
    #expect(used == 3)
    #expect(canvas.lines() == ["", "  abc", ""])
    #expect(canvas[2, 1].text == "a")
    #expect(canvas[4, 1].text == "c")
    #expect(canvas[5, 1].text == " ")
  }

  @Test func textIsClippedAtTheRightEdge() {
    var canvas = Canvas(width: 5, height: 1)
    #expect(canvas.put("abcdefgh", x: 2, y: 0) == 3)
    #expect(canvas.lines() == ["  abc"])
  }

  @Test func textIsClippedToTheGivenWidth() {
    var canvas = Canvas(width: 10, height: 1)
    #expect(canvas.put("abcdef", x: 1, y: 0, width: 3) == 3)
    canvas.put("Z", x: 4, y: 0)
    #expect(canvas.lines() == [" abcZ"])
  }

  @Test func textStartingLeftOfTheCanvasShowsItsVisiblePart() {
    var canvas = Canvas(width: 5, height: 1)
    #expect(canvas.put("abcdef", x: -2, y: 0) == 6)  // the first column after it is -2 + 6
    #expect(canvas.lines() == ["cdef"])
  }

  @Test func rowsOutsideTheCanvasDrawNothing() {
    var canvas = Canvas(width: 5, height: 1)
    #expect(canvas.put("abc", x: 0, y: 1) == 0)
    #expect(canvas.put("abc", x: 0, y: -1) == 0)
    #expect(canvas.put("abc", x: 5, y: 0) == 0)
    #expect(canvas.put("abc", x: 0, y: 0, width: 0) == 0)
    #expect(canvas.lines() == [""])
  }

  @Test func ellipsisMarksCutText() {
    var canvas = Canvas(width: 20, height: 3)
    #expect(canvas.put("Airlift AL-0042", x: 0, y: 0, width: 8, overflow: .ellipsis) == 8)
    #expect(canvas.put("short", x: 0, y: 1, width: 8, overflow: .ellipsis) == 5)
    #expect(canvas.put("exactly8", x: 0, y: 2, width: 8, overflow: .ellipsis) == 8)
    #expect(canvas.lines() == ["Airlift…", "short", "exactly8"])
  }

  @Test func ellipsisAlsoAppliesAtTheCanvasEdge() {
    var canvas = Canvas(width: 6, height: 1)
    canvas.put("overflowing", x: 2, y: 0, overflow: .ellipsis)
    #expect(canvas.lines() == ["  ove…"])
  }

  @Test func ellipsisInOneColumnIsJustTheEllipsis() {
    var canvas = Canvas(width: 6, height: 1)
    #expect(canvas.put("abc", x: 0, y: 0, width: 1, overflow: .ellipsis) == 1)
    #expect(canvas.lines() == ["…"])
  }

  @Test func alignmentMovesNarrowText() {
    var canvas = Canvas(width: 10, height: 3)
    #expect(canvas.put("42", x: 0, y: 0, width: 6, align: .right) == 6)
    canvas.put("ab", x: 0, y: 1, width: 6, align: .center)
    canvas.put("too long", x: 0, y: 2, width: 6, align: .right)
    #expect(canvas.lines() == ["    42", "  ab", "too lo"])
  }

  @Test func styleIsAppliedToTheTextCellsOnly() {
    var canvas = Canvas(width: 6, height: 1)
    canvas.put("ab", x: 1, y: 0, style: Style(.danger, .bold))
    #expect(canvas.style(x: 0, y: 0) == .text)
    #expect(canvas.style(x: 1, y: 0) == Style(.danger, .bold))
    #expect(canvas.style(x: 2, y: 0) == Style(.danger, .bold))
    #expect(canvas.style(x: 3, y: 0) == .text)
  }

  @Test func controlCharactersAreDrawnAsEscapes() {
    var canvas = Canvas(width: 30, height: 1)
    let used = canvas.put("a\u{1B}[2Jb\tc\n", x: 0, y: 0)
    #expect(canvas.lines() == ["a\\e[2Jb\\tc\\n"])
    #expect(used == 12)
    #expect(
      canvas.cells.allSatisfy { cell in
        cell.text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
      })
  }

  @Test func writingOverTextReplacesIt() {
    var canvas = Canvas(width: 8, height: 1)
    canvas.put("abcdef", x: 0, y: 0)
    canvas.put("XY", x: 2, y: 0)
    #expect(canvas.lines() == ["abXYef"])
  }
}
