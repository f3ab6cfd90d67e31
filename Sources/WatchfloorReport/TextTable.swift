import WatchfloorModel

/// Rows of cells as aligned, indented lines, `gap` spaces between columns; a cell starting
/// with `>` is right-aligned.
func table(_ rows: [[String]], gap: Int = 1) -> [String] {
  // Text from the log may hold escape sequences: never send them to the terminal.
  let rows = rows.map { $0.map(Sanitizer.sanitize) }
  let columns = rows.map(\.count).max() ?? 0
  var widths = [Int](repeating: 0, count: columns)
  for row in rows {
    for (index, cell) in row.enumerated() {
      widths[index] = max(widths[index], cell.hasPrefix(">") ? cell.count - 1 : cell.count)
    }
  }
  let separator = String(repeating: " ", count: gap)
  return rows.map { row in
    var line = " "
    for (index, cell) in row.enumerated() {
      let last = index == row.count - 1
      // The first column keeps the two-space indent whatever the gap.
      let before = index == 0 ? " " : separator
      if cell.hasPrefix(">") {
        let text = String(cell.dropFirst())
        line += before + String(repeating: " ", count: widths[index] - text.count) + text
      } else {
        line +=
          before + (last ? cell : cell + String(repeating: " ", count: widths[index] - cell.count))
      }
    }
    return String(line.reversed().drop { $0 == " " }.reversed())
  }
}
