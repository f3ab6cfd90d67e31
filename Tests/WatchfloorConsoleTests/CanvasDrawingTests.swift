import Testing
import WatchfloorConsole

@Suite("Canvas: fills, lines, boxes and style snapshots")
struct CanvasDrawingTests {
  @Test func fillCoversTheRectangleClippedToTheCanvas() {
    var canvas = Canvas(width: 5, height: 3)
    canvas.fill(Rect(x: 3, y: 1, width: 10, height: 10), with: "#", style: Style(.dim))
    #expect(canvas.lines() == ["", "   ##", "   ##"])
    #expect(canvas.style(x: 4, y: 2) == Style(.dim))
  }

  @Test func fillWithAWideGlyphRepeatsItAndPadsTheSpareColumn() {
    var canvas = Canvas(width: 5, height: 1)
    canvas.fill(canvas.bounds, with: "＝")
    #expect(canvas.lines(trimmingTrailingSpaces: false) == ["＝＝ "])
  }

  @Test func horizontalAndVerticalLines() {
    var canvas = Canvas(width: 4, height: 3)
    canvas.horizontalLine(x: 0, y: 1, length: 4)
    canvas.verticalLine(x: 2, y: 0, length: 3, glyph: "|")
    #expect(canvas.lines() == ["  |", "──|─", "  |"])
    #expect(canvas.style(x: 0, y: 1) == Style(.border))
  }

  @Test func boxWithTitle() {
    var canvas = Canvas(width: 16, height: 4)
    canvas.box(Rect(x: 0, y: 0, width: 16, height: 4), title: "Airlifts")
    #expect(
      canvas.lines() == [
        "┌─ Airlifts ───┐",
        "│              │",
        "│              │",
        "└──────────────┘",
      ])
    #expect(canvas.roleLines()[0] == "lll" + String(repeating: "t", count: 8) + "lllll")
  }

  @Test func boxTitleIsCutWithAnEllipsis() {
    var canvas = Canvas(width: 10, height: 2)
    canvas.box(canvas.bounds, glyphs: .heavy, title: "Occupancy")
    #expect(canvas.lines() == ["┏━ Occu… ┓", "┗━━━━━━━━┛"])
  }

  @Test func boxIsClippedToTheCanvas() {
    var canvas = Canvas(width: 4, height: 2)
    canvas.box(Rect(x: 1, y: 0, width: 6, height: 4), glyphs: .ascii)
    #expect(canvas.lines() == [" +--", " |"])
  }

  @Test func setStyleKeepsTextAndRestylesWideCharactersWhole() {
    var canvas = Canvas(width: 6, height: 1)
    canvas.put("a日b", x: 0, y: 0)
    canvas.setStyle(Style(.selection), in: Rect(x: 2, y: 0, width: 4, height: 1))
    #expect(canvas.lines() == ["a日b"])
    #expect(canvas.roleLines() == [" sssss"])
  }

  @Test func roleAndAttributeLinesSitUnderTheText() {
    var canvas = Canvas(width: 20, height: 2)
    canvas.put("ok", x: 0, y: 0, style: Style(.ok))
    canvas.put("WARN", x: 3, y: 0, style: Style(.warn))
    canvas.put("日", x: 8, y: 0, style: Style(.critical, [.bold, .reverse]))
    canvas.put("plain", x: 0, y: 1)
    #expect(canvas.lines() == ["ok WARN 日", "plain"])
    #expect(canvas.roleLines() == ["oo wwww CC", ""])
    #expect(canvas.attributeLines() == ["        99", ""])
  }

  @Test func styledLinesInterleaveTextRolesAndAttributes() {
    var canvas = Canvas(width: 12, height: 3)
    canvas.put("AL-7", x: 0, y: 0, style: Style(.accent))
    canvas.put("CRIT", x: 5, y: 0, style: Style(.critical, [.bold, .reverse]))
    canvas.put("plain", x: 0, y: 1)
    #expect(
      canvas.styledLines() == [
        "|AL-7 CRIT",
        ":aaaa CCCC",
        "~     9999",
        "|plain",
        "|",
      ])
  }

  @Test func styleRunsDescribeARow() {
    var canvas = Canvas(width: 8, height: 1)
    canvas.put("!!", x: 2, y: 0, style: Style(.danger, .bold))
    #expect(
      canvas.styleRuns(row: 0).map(\.description) == [
        "0..<2 text", "2..<4 danger+bold", "4..<8 text",
      ])
  }

  @Test func canvasesCompareByContent() {
    var first = Canvas(width: 3, height: 1)
    var second = first
    first.put("a", x: 0, y: 0)
    #expect(first != second)
    second.put("a", x: 0, y: 0)
    #expect(first == second)
  }
}
