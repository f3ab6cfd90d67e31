/// One cell where a canvas differs from what was expected: its position, and the text, role
/// and attributes on each side, as ``Canvas/styledLines()`` writes them.
public struct CellDifference: Equatable, Sendable, CustomStringConvertible {
  public var x: Int
  public var y: Int
  public var expected: String
  public var actual: String

  /// `row 3 col 17: expected "A" role a attrs 1, got "B" role   attrs  `
  public var description: String {
    "row \(y) col \(x): expected \(expected), got \(actual)"
  }
}

extension Canvas {
  /// Every cell whose text, role or attributes differ from `golden`, the lines of a golden
  /// file in the form of ``styledLines()``: a failing screen test lists each such cell, as
  /// ratatui's `assert_buffer_eq` does, rather than two screens to compare by eye. Rows the
  /// golden lacks, or has beyond the canvas, differ in every cell.
  public func differences(fromStyledLines golden: [String]) -> [CellDifference] {
    let expected = Self.parse(golden)
    let actual = Self.parse(styledLines())
    var differences: [CellDifference] = []
    for y in 0..<max(expected.count, actual.count) {
      let left = y < expected.count ? expected[y] : []
      let right = y < actual.count ? actual[y] : []
      for x in 0..<max(left.count, right.count) {
        let want = x < left.count ? left[x] : SnapshotCell.blank
        let got = x < right.count ? right[x] : SnapshotCell.blank
        if want != got {
          differences.append(
            CellDifference(x: x, y: y, expected: want.description, actual: got.description))
        }
      }
    }
    return differences
  }

  /// One column of a golden row: its text, role code and attribute digit.
  private struct SnapshotCell: Equatable, CustomStringConvertible {
    var text: String
    var role: Character
    var attributes: Character
    static let blank = SnapshotCell(text: " ", role: " ", attributes: " ")

    var description: String {
      "\"\(text)\" role \(role == " " ? "text" : String(role)) attrs \(attributes == " " ? "none" : String(attributes))"
    }
  }

  /// Golden lines as rows of cells: a wide character's second column is an empty text.
  private static func parse(_ lines: [String]) -> [[SnapshotCell]] {
    var rows: [[SnapshotCell]] = []
    for line in lines {
      guard let marker = line.first else { continue }
      let rest = line.dropFirst()
      switch marker {
      case "|":
        var cells: [SnapshotCell] = []
        for character in rest {
          cells.append(SnapshotCell(text: String(character), role: " ", attributes: " "))
          if DisplayWidth.of(character) == 2 {
            cells.append(SnapshotCell(text: "", role: " ", attributes: " "))
          }
        }
        rows.append(cells)
      case ":", "~":
        guard !rows.isEmpty else { continue }
        var cells = rows[rows.count - 1]
        for (index, code) in rest.enumerated() {
          while cells.count <= index { cells.append(.blank) }
          if marker == ":" { cells[index].role = code } else { cells[index].attributes = code }
        }
        rows[rows.count - 1] = cells
      default:
        continue
      }
    }
    // Trailing blank cells are not written: compare rows as if padded alike.
    return rows.map { row in
      var row = row
      while row.last == .blank { row.removeLast() }
      return row
    }
  }
}
