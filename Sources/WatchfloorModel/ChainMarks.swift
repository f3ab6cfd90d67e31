/// What the decision hash chain says of one line of the log.
public enum LinkStatus: Sendable, Equatable {
  /// The line is a link whose value matches everything before it.
  case intact
  /// The line is a link whose value does not match: it, or a line before it, was edited,
  /// inserted or removed.
  case broken
  /// The line carries no link (written by an older version or another program).
  case unchained
}

/// The status of every link of a log's decision chain, by file and line, for screens and
/// reports to mark decisions with. Built by `ChainLedger` (WatchfloorLog), which hashes.
public struct ChainMarks: Sendable, Equatable {
  private var links: [String: [Int: Bool]] = [:]

  public init() {}

  /// Records the link at line `line` (from 1) of `file`.
  public mutating func record(file: String, line: Int, intact: Bool) {
    links[file, default: [:]][line] = intact
  }

  /// Adds the marks of other files.
  public mutating func merge(_ other: ChainMarks) {
    links.merge(other.links) { $1 }
  }

  /// What the chain says of line `line` of `file`.
  public func status(file: String, line: Int) -> LinkStatus {
    guard let intact = links[file]?[line] else { return .unchained }
    return intact ? .intact : .broken
  }

  /// What the chain says of the line record `index` of `timeline` was read from.
  public func status(ofRecord index: Int, in timeline: Timeline) -> LinkStatus {
    let location = timeline.location(ofRecord: index)
    guard let file = timeline.sourceName(location) else { return .unchained }
    return status(file: file, line: location.line)
  }

  /// A short word for a decision's mark: `chain ✓`, `CHAIN BROKEN` or `unchained`.
  public static func label(_ status: LinkStatus) -> String {
    switch status {
    case .intact: "chain ✓"
    case .broken: "CHAIN BROKEN"
    case .unchained: "unchained"
    }
  }
}
