/// Where a record was read: its source file and line number.
public struct RecordLocation: Sendable, Equatable {
  /// Index of the source file in the timeline's `sourceNames`.
  public var source: Int
  /// 1-based line number within that file.
  public var line: Int
}

/// The file and line of every record, kept as runs of records read from consecutive lines of
/// one file: a log read in one go is one run per file, and each blank line (which makes no
/// record) starts another. Kept beside the records instead of in them (where they took 8
/// bytes of each, with padding), it costs 16 bytes per run; a look-up is a binary search over
/// the runs.
struct RecordLocations {
  private struct Run {
    var firstRecord: Int
    /// Line numbers past 2^32 - 1 are kept as that, as records kept them before.
    var firstLine: UInt32
    var source: UInt16
  }

  private var runs: [Run] = []
  private var count = 0

  /// Notes that record `count` (the next one) was read from `line` of `source`.
  mutating func append(line: Int, source: Int) {
    let line = UInt32(clamping: line)
    let source = UInt16(clamping: source)
    if let last = runs.last, last.source == source,
      Int(last.firstLine) + (count - last.firstRecord) == Int(line)
    {
      count += 1
      return
    }
    runs.append(Run(firstRecord: count, firstLine: line, source: source))
    count += 1
  }

  /// Where record `index` (one appended) was read.
  func location(of index: Int) -> RecordLocation {
    precondition(index >= 0 && index < count, "record \(index) of \(count)")
    var low = 0
    var high = runs.count
    // The last run that starts at or before `index`.
    while high - low > 1 {
      let middle = (low + high) / 2
      if runs[middle].firstRecord <= index { low = middle } else { high = middle }
    }
    let run = runs[low]
    return RecordLocation(
      source: Int(run.source), line: Int(run.firstLine) + index - run.firstRecord)
  }

  var footprint: Int { runs.capacity * MemoryLayout<Run>.stride }
}
