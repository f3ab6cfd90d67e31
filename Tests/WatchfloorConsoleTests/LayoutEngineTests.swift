import Testing
import WatchfloorConsole

@Suite("The layout engine, the table widget and status lines")
struct LayoutEngineTests {
  @Test("lengths, percentages and ratios take their share; fills and mins the rest by weight")
  func sizes() {
    #expect(Layout.sizes([.length(10), .fill(1)], total: 80) == [10, 70])
    #expect(Layout.sizes([.percentage(25), .fill(1), .fill(2)], total: 100) == [25, 25, 50])
    #expect(Layout.sizes([.ratio(1, 3), .fill(1)], total: 90) == [30, 60])
    // min grows like fill(1); the odd cell goes to the first growing part.
    #expect(Layout.sizes([.min(10), .fill(1)], total: 31) == [21, 10])
    // max stops at its n; what it cannot take goes to the others.
    #expect(Layout.sizes([.max(5), .fill(1)], total: 40) == [5, 35])
    // Only max parts: room they cannot take stays unused.
    #expect(Layout.sizes([.max(5), .max(6)], total: 40) == [5, 6])
    // Spacing between parts.
    #expect(Layout.sizes([.fill(1), .fill(1)], total: 21, spacing: 1) == [10, 10])
    // Too little room: the last parts are cut first.
    #expect(Layout.sizes([.length(10), .length(10), .length(10)], total: 25) == [10, 10, 5])
    #expect(Layout.sizes([.length(10), .min(10)], total: 4) == [4, 0])
  }

  @Test("a split lays the parts out in order, vertical or horizontal")
  func split() {
    let rect = Rect(x: 2, y: 3, width: 20, height: 10)
    #expect(
      Layout.horizontal([.length(5), .fill(1)], spacing: 1).split(rect) == [
        Rect(x: 2, y: 3, width: 5, height: 10), Rect(x: 8, y: 3, width: 14, height: 10),
      ])
    #expect(
      Layout.vertical([.length(2), .fill(1), .length(1)]).split(rect) == [
        Rect(x: 2, y: 3, width: 20, height: 2), Rect(x: 2, y: 5, width: 20, height: 7),
        Rect(x: 2, y: 12, width: 20, height: 1),
      ])
  }

  typealias Row = (name: String, note: String, count: String)
  let table = Table<Row>([
    TableColumn("NAME", .whole(max: 20), priority: 100) { [Span($0.name)] },
    TableColumn("NOTE", .content(min: 6, max: 60), priority: 80) { [Span($0.note)] },
    TableColumn("EXTRA", .content(min: 4, max: 10), priority: 30) { [Span($0.count)] },
    TableColumn("N", .fixed(3), align: .right, priority: 90) { [Span($0.count)] },
  ])
  let rows: [Row] = [
    ("karkh", "receiving today", "12"), ("sulaymaniyah", "night movement reported", "3"),
  ]

  @Test("columns want their widest cell; spare room stays at the row's end")
  func wantedWidths() {
    // NAME 12, NOTE 23, EXTRA 5 ("EXTRA"), N 3, three gaps.
    #expect(table.wantedWidth(for: rows) == 46)
    #expect(table.widths(for: rows, width: 80) == [12, 23, 5, 3])
  }

  @Test("short of room: an optional column gives way to a cut one, then text is cut")
  func givingWay() {
    // 40 columns: NOTE would be cut, so EXTRA (optional) drops and NOTE is whole.
    #expect(table.widths(for: rows, width: 40) == [12, 23, nil, 3])
    // 30 columns: NOTE is cut to what is left.
    #expect(table.widths(for: rows, width: 30) == [12, 13, nil, 3])
    // 18: NOTE's minimum does not fit beside the whole name: it drops.
    #expect(table.widths(for: rows, width: 18) == [12, nil, nil, 3])
    // A whole column never shrinks: with 14 columns NAME stays whole and N drops.
    #expect(table.widths(for: rows, width: 14) == [12, nil, nil, nil])
  }

  @Test("a cut cell ends at a word with an ellipsis")
  func cutAtWord() {
    var canvas = Canvas(width: 40, height: 1)
    table.drawRow(&canvas, rows[1], x: 0, y: 0, widths: [12, 16, nil, 3])
    // NOTE's 16 columns hold "night movement…" (15); N is right-aligned in its 3.
    #expect(canvas.lines() == ["sulaymaniyah night movement…    3"])
  }

  let line = StatusLine([
    StatusItem(["WATCHFLOOR"], priority: 30),
    StatusItem(["moved 2,418/7,000 34%", "2,418/7,000"], priorities: [50, 100]),
    StatusItem(["in flight 1 (170)", "✈ 1"], priorities: [60, 70]),
    StatusItem(["feed last line 3s ago", "feed 3s"], priorities: [40, 95], trailing: true),
  ])

  @Test("items give up their least important form first, then drop")
  func condensing() {
    #expect(line.fit(width: 100) == [0, 0, 0, 0])
    // The lowest form priority goes first: WATCHFLOOR (30) drops before the feed (40) condenses.
    #expect(line.fit(width: 74) == [nil, 0, 0, 0])
    #expect(line.fit(width: 50) == [nil, 0, 0, 1])
    #expect(line.fit(width: 30) == [nil, 1, 1, 1])
    // The feed's short form (95) goes before the moved figure's (100).
    #expect(line.fit(width: 18) == [nil, 1, nil, nil])
    var canvas = Canvas(width: 30, height: 1)
    line.draw(&canvas, Rect(x: 0, y: 0, width: 30, height: 1))
    #expect(canvas.lines() == ["2,418/7,000  ✈ 1       feed 3s"])
  }
}
