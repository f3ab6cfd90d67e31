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
      var builder = Builder(path: path)
      try LogReader.readFile(
        path, byteOrderMark: { builder.feed(byteOrderMark: $0) },
        lines: { line, number, terminated in
          builder.feed(line: line, number: number, terminated: terminated)
        })
      ledger.append(builder.finish())
    }
    return ledger
  }

  private mutating func append(_ other: ChainLedger) {
    files += other.files
    marks.merge(other.marks)
  }

  /// Builds one log's chain from its lines in order: a file's, or a database log's. In a
  /// database, each imported file's first line may start a chain of its own (the file was
  /// one): the first link after it is intact when it matches either the chain carried on
  /// from before or the chain started at that line.
  public struct Builder {
    private let path: String
    private var chain = DecisionChain()
    /// The chain started at an imported file's first line, until the next link.
    private var fileChain: DecisionChain?
    private var marks = ChainMarks()
    private var links = 0
    private var intactLinks = 0
    private var firstBrokenLine: Int?
    private var lastLine = 0
    private var lastLinkLine: Int?
    private var lastLink: String?

    public init(path: String) {
      self.path = path
    }

    /// A byte order mark at the start of a file, which readers skip but the chain covers.
    public mutating func feed(byteOrderMark bytes: UnsafeRawBufferPointer) {
      chain.feed(bytes: bytes)
    }

    /// The next line (without its `\n`); `startsFile` at an imported file's first line.
    public mutating func feed(
      line: UnsafeRawBufferPointer, number: Int, terminated: Bool = true, startsFile: Bool = false
    ) {
      if startsFile { fileChain = DecisionChain() }
      lastLine = number
      let found = chain.feed(line: line, terminated: terminated)
      let foundInFile = fileChain?.feed(line: line, terminated: terminated)
      guard let found else { return }
      fileChain = nil
      let intact = found.intact || foundInFile?.intact == true
      links += 1
      if intact {
        intactLinks += 1
      } else if firstBrokenLine == nil {
        firstBrokenLine = number
      }
      marks.record(file: path, line: number, intact: intact)
      lastLinkLine = number
      lastLink = found.link.value
    }

    public func finish() -> ChainLedger {
      var ledger = ChainLedger()
      ledger.files = [
        FileChain(
          path: path, links: links, intactLinks: intactLinks, firstBrokenLine: firstBrokenLine,
          lastLinkLine: lastLinkLine, lastLink: lastLink,
          linesAfterLastLink: lastLine - (lastLinkLine ?? 0))
      ]
      ledger.marks = marks
      return ledger
    }
  }

  /// Whether every file's chain is intact.
  public var isIntact: Bool { files.allSatisfy(\.isIntact) }
}
