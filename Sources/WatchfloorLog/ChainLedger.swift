import WatchfloorModel

/// The decision chain (``DecisionChain``) of finished log files, recomputed link by link.
///
/// Each file is a chain of its own: the journal appends to one file. Building a ledger reads
/// every byte of the files once and hashes it.
public struct ChainLedger: Sendable {
  /// One file's chain.
  public struct FileChain: Sendable, Equatable {
    public var path: String
    /// Links in the file, and how many of them match.
    public var links: Int
    public var intactLinks: Int
    /// The first link that does not match, by line number from 1.
    public var firstBrokenLine: Int?
    /// The last link's line and value.
    public var lastLinkLine: Int?
    public var lastLink: String?
    /// Lines after the last link (not covered by any link yet).
    public var linesAfterLastLink: Int

    public var isIntact: Bool { firstBrokenLine == nil }
  }

  public private(set) var files: [FileChain] = []
  /// Every link's status, for marking decisions on screens and in reports.
  public private(set) var marks = ChainMarks()

  public init() {}

  /// Recomputes the chain of each file.
  /// - Throws: ``LogSourceError`` when a file cannot be read.
  public static func verify(_ paths: [String]) throws(LogSourceError) -> ChainLedger {
    var ledger = ChainLedger()
    for path in paths {
      var chain = DecisionChain()
      var lastLine = 0
      var lastLinkLine: Int?
      try LogReader.readFile(
        path, byteOrderMark: { chain.feed(bytes: $0) },
        lines: { line, number, terminated in
          lastLine = number
          guard let found = chain.feed(line: line, terminated: terminated) else { return }
          ledger.marks.record(file: path, line: number, intact: found.intact)
          lastLinkLine = number
        })
      ledger.files.append(
        FileChain(
          path: path, links: chain.links, intactLinks: chain.intactLinks,
          firstBrokenLine: chain.firstBrokenLine, lastLinkLine: lastLinkLine,
          lastLink: chain.lastLink, linesAfterLastLink: lastLine - (lastLinkLine ?? 0)))
    }
    return ledger
  }

  /// Whether every file's chain is intact.
  public var isIntact: Bool { files.allSatisfy(\.isIntact) }
}
