/// Text in one style: a table cell is one or more.
public struct Span: Sendable, Equatable {
  public var text: String
  public var style: Style

  public init(_ text: String, _ style: Style = .text) {
    self.text = text
    self.style = style
  }
}

/// What one column of a ``Table`` shows, and how it gives way when room is short.
public struct TableColumn<Row> {
  /// How wide the column wants to be.
  public enum Width {
    /// Always `n` columns.
    case fixed(Int)
    /// As wide as its widest cell (or its title), up to `max`, and down to `min` when room is
    /// short, a cell wider than the column cut with "…" at a word's end.
    case content(min: Int, max: Int)
    /// As wide as its widest cell (or its title), up to `max`, and never narrower: the column
    /// drops rather than cut a cell (a route, a count).
    case whole(max: Int)
  }

  public var title: String
  public var width: Width
  public var align: Alignment
  /// The lower, the sooner the column drops when the table does not fit; the first columns
  /// of equal priority stay longest.
  public var priority: Int
  /// The cell of a row.
  public var cell: (Row) -> [Span]

  public init(
    _ title: String, _ width: Width, align: Alignment = .left, priority: Int = 100,
    cell: @escaping (Row) -> [Span]
  ) {
    self.title = title
    self.width = width
    self.align = align
    self.priority = priority
    self.cell = cell
  }
}

/// A table: columns declared once (heading, width, alignment, priority, cell), laid out in the
/// room a pane has, and drawn row by row.
///
/// Laying out: every column wants its widest cell (of the rows given) or its title, within its
/// bounds; when the minimums do not fit, the lowest-priority columns drop; the others get their
/// minimum, then grow towards what they want, highest priority first. An optional column
/// (priority below ``optional``) also drops while a column of higher priority is cut. No
/// column grows past what it wants: room left over stays at the row's end.
public struct Table<Row> {
  public var columns: [TableColumn<Row>]
  /// Blank cells between columns.
  public var spacing: Int

  /// Columns of a priority below this one give way to a cut column of higher priority.
  public static var optional: Int { 50 }

  public init(_ columns: [TableColumn<Row>], spacing: Int = 1) {
    self.columns = columns
    self.spacing = spacing
  }

  /// The width of each column in `width` cells for `rows` (nil: dropped).
  public func widths(for rows: some Sequence<Row>, width: Int) -> [Int?] {
    widths(measured: measure(rows), width: width)
  }

  /// The width of each column in `width` cells, for columns that want `wanted` (``measure(_:)``).
  public func widths(measured wanted: [Int], width: Int) -> [Int?] {
    let minimum = columns.indices.map { minimumWidth($0, wanted: wanted[$0]) }
    var shown = Array(repeating: true, count: columns.count)
    func needed() -> Int {
      let kept = columns.indices.filter { shown[$0] }
      return kept.reduce(0) { $0 + minimum[$1] } + spacing * Swift.max(0, kept.count - 1)
    }
    // Drop from the lowest priority, the last column first among equals.
    let dropOrder = columns.indices.sorted {
      columns[$0].priority != columns[$1].priority
        ? columns[$0].priority < columns[$1].priority : $0 > $1
    }
    var next = 0
    while needed() > width && next < dropOrder.count {
      shown[dropOrder[next]] = false
      next += 1
    }
    while true {
      let sizes = allocate(shown: shown, minimum: minimum, wanted: wanted, width: width)
      let cut = columns.indices.filter { shown[$0] && sizes[$0] < wanted[$0] }
      guard let highestCut = cut.map({ columns[$0].priority }).max(),
        next < dropOrder.count, columns[dropOrder[next]].priority < Self.optional,
        columns[dropOrder[next]].priority < highestCut
      else {
        return columns.indices.map { shown[$0] ? sizes[$0] : nil }
      }
      shown[dropOrder[next]] = false
      next += 1
    }
  }

  /// Each shown column's minimum, grown towards what it wants, highest priority first.
  private func allocate(shown: [Bool], minimum: [Int], wanted: [Int], width: Int) -> [Int] {
    let kept = columns.indices.filter { shown[$0] }
    var sizes = columns.indices.map { shown[$0] ? minimum[$0] : 0 }
    var spare =
      width - kept.reduce(0) { $0 + minimum[$1] } - spacing * Swift.max(0, kept.count - 1)
    let growOrder = columns.indices.sorted {
      columns[$0].priority != columns[$1].priority
        ? columns[$0].priority > columns[$1].priority : $0 < $1
    }
    for index in growOrder where shown[index] && spare > 0 {
      let grow = Swift.min(spare, wanted[index] - sizes[index])
      if grow > 0 {
        sizes[index] += grow
        spare -= grow
      }
    }
    return sizes

  }

  /// The width all columns want together, with spacing: the room that shows every cell whole.
  public func wantedWidth(for rows: some Sequence<Row>) -> Int {
    wantedWidth(measured: measure(rows))
  }

  /// The width columns that want `wanted` take together, with spacing.
  public func wantedWidth(measured wanted: [Int]) -> Int {
    return wanted.reduce(0, +) + spacing * Swift.max(0, columns.count - 1)
  }

  /// The narrowest the table can be with the columns of at least `priority` kept.
  public func minimumWidth(for rows: some Sequence<Row>, keepingPriority priority: Int) -> Int {
    minimumWidth(measured: measure(rows), keepingPriority: priority)
  }

  /// The narrowest the table can be, for columns that want `wanted`, with the columns of at
  /// least `priority` kept.
  public func minimumWidth(measured wanted: [Int], keepingPriority priority: Int) -> Int {
    let kept = columns.indices.filter { columns[$0].priority >= priority }
    return kept.reduce(0) { $0 + minimumWidth($1, wanted: wanted[$1]) }
      + spacing * Swift.max(0, kept.count - 1)
  }

  /// Each column's wanted width for `rows`.
  /// Each column's wanted width for `rows`: what the other calls lay out, measured once.
  /// Complexity: O(rows × columns) cells built.
  public func measure(_ rows: some Sequence<Row>) -> [Int] {
    var widest = columns.map { DisplayWidth.of($0.title) }
    for row in rows {
      for index in columns.indices {
        if case .fixed = columns[index].width { continue }
        let cellWidth = columns[index].cell(row).reduce(0) { $0 + DisplayWidth.of($1.text) }
        widest[index] = Swift.max(widest[index], cellWidth)
      }
    }
    return columns.indices.map { index in
      switch columns[index].width {
      case .fixed(let n): n
      case .content(_, let high): Swift.min(high, widest[index])
      case .whole(let high): Swift.min(high, widest[index])
      }
    }
  }

  private func minimumWidth(_ index: Int, wanted: Int) -> Int {
    switch columns[index].width {
    case .fixed(let n): n
    case .content(let low, _): Swift.min(low, wanted)
    case .whole: wanted
    }
  }

  /// Draws the headings at (`x`, `y`) in the columns `widths` gives.
  public func drawHeadings(
    _ canvas: inout Canvas, x: Int, y: Int, widths: [Int?], style: Style
  ) {
    var column = x
    for (index, width) in widths.enumerated() {
      guard let width else { continue }
      canvas.put(
        TextFitting.truncate(columns[index].title, toColumns: width), x: column, y: y,
        width: width, style: style, align: columns[index].align)
      column += width + spacing
    }
  }

  /// Draws one row at (`x`, `y`); `base` is laid under every cell's own style (a selected or
  /// highlighted row), nil to keep the cells' styles.
  public func drawRow(
    _ canvas: inout Canvas, _ row: Row, x: Int, y: Int, widths: [Int?]
  ) {
    var column = x
    for (index, width) in widths.enumerated() {
      guard let width else { continue }
      drawCell(
        &canvas, columns[index].cell(row), x: column, y: y, width: width,
        align: columns[index].align)
      column += width + spacing
    }
  }

  /// A cell's spans in `width` columns: whole when they fit, else cut at a word's end with "…"
  /// (the cut falls in the last span that does not fit).
  private func drawCell(
    _ canvas: inout Canvas, _ spans: [Span], x: Int, y: Int, width: Int, align: Alignment
  ) {
    let total = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
    var column = x
    if total < width && align != .left {
      column += align == .right ? width - total : (width - total) / 2
    }
    var room = x + width - column
    for span in spans where room > 0 {
      let spanWidth = DisplayWidth.of(span.text)
      let text =
        spanWidth <= room ? span.text : TextFitting.truncateAtWord(span.text, toColumns: room)
      let used = canvas.put(text, x: column, y: y, width: room, style: span.style)
      column += used
      room -= used
    }
  }
}
