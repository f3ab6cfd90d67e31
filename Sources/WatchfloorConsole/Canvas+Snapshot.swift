/// A run of cells in one row that share a style, for assertions on styles.
public struct StyleRun: Hashable, Sendable, CustomStringConvertible {
  /// The columns of the run.
  public var columns: Range<Int>
  public var style: Style

  public init(columns: Range<Int>, style: Style) {
    self.columns = columns
    self.style = style
  }

  /// For example `5..<9 danger+bold`.
  public var description: String { "\(columns.lowerBound)..<\(columns.upperBound) \(style)" }
}

extension Canvas {
  /// The text of every row. A wide character appears once (it takes two columns on a
  /// terminal). With `trimmingTrailingSpaces` (the default) the spaces at the end of each
  /// row are removed, which is how golden files and `render` output are written.
  public func lines(trimmingTrailingSpaces: Bool = true) -> [String] {
    (0..<height).map { line($0, trimmingTrailingSpaces: trimmingTrailingSpaces) }
  }

  /// The text of row `y` (see ``lines(trimmingTrailingSpaces:)``); "" outside the canvas.
  public func line(_ y: Int, trimmingTrailingSpaces: Bool = true) -> String {
    guard y >= 0, y < height else { return "" }
    let start = y * width
    var end = start + width
    if trimmingTrailingSpaces {
      while end > start, cells[end - 1].text == " " { end -= 1 }
    }
    var result = ""
    result.reserveCapacity(end - start)
    for index in start..<end {
      result += cells[index].text
    }
    return result
  }

  /// One line per row with the ``Role/code`` of every column (both columns of a wide
  /// character), trailing spaces removed. Plain `text` is a space, so a row of ordinary
  /// text gives "", and the lines sit under ``lines(trimmingTrailingSpaces:)`` column for
  /// column on a terminal.
  public func roleLines() -> [String] {
    snapshotLines { $0.role.code }
  }

  /// One line per row with the attributes of every column as a hexadecimal digit (bold 1,
  /// dim 2, underline 4, reverse 8, added up; see ``TextAttributes``), a space for none,
  /// trailing spaces removed.
  public func attributeLines() -> [String] {
    let digits = Array("0123456789abcdef")
    return snapshotLines { style in
      style.attributes.isEmpty ? " " : digits[Int(style.attributes.rawValue)]
    }
  }

  /// Text and styles in one list, the form for golden files: for each row, `|` and its
  /// text, then `:` and its ``roleLines()`` line and `~` and its ``attributeLines()`` line,
  /// each only when not blank. The one-character prefixes keep the three in line:
  ///
  ///     |┌─ Airlifts ───┐
  ///     :lllttttttttlllll
  ///     ~   11111111
  public func styledLines() -> [String] {
    let roles = roleLines()
    let attributes = attributeLines()
    var result: [String] = []
    result.reserveCapacity(height * 2)
    for y in 0..<height {
      result.append("|" + line(y))
      if !roles[y].isEmpty { result.append(":" + roles[y]) }
      if !attributes[y].isEmpty { result.append("~" + attributes[y]) }
    }
    return result
  }

  /// Row `y` as runs of equal style from column 0 to the last column.
  public func styleRuns(row y: Int) -> [StyleRun] {
    var runs: [StyleRun] = []
    for (column, cell) in row(y).enumerated() {
      if let last = runs.last, last.style == cell.style {
        runs[runs.count - 1].columns = last.columns.lowerBound..<column + 1
      } else {
        runs.append(StyleRun(columns: column..<column + 1, style: cell.style))
      }
    }
    return runs
  }

  /// The style of the cell at (`x`, `y`), which must be inside the canvas.
  public func style(x: Int, y: Int) -> Style {
    self[x, y].style
  }

  private func snapshotLines(_ code: (Style) -> Character) -> [String] {
    (0..<height).map { y in
      var characters = row(y).map { code($0.style) }
      while characters.last == " " { characters.removeLast() }
      return String(characters)
    }
  }
}
