import NIOCore
import PostgresNIO
import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#endif

/// A log kept in PostgreSQL (``DatabaseSchema``), read in `seq` order as a file is read in
/// byte order: line numbers count the lines in that order from 1, as in `db export`'s output.
public final class DatabaseLog {
  public private(set) var session: DatabaseSession
  public var url: DatabaseURL { session.url }
  /// The last `seq` read, and how many lines that was.
  public private(set) var lastSequence: Int64 = 0
  public private(set) var linesRead = 0

  /// Lines fetched per round trip.
  static let chunkLines = 50_000
  /// Chunks asked for ahead of the one being folded: with two, the server aggregates the next
  /// chunk while the one after this is on its way, instead of waiting for each request.
  static let chunksInFlight = 2

  public init(session: DatabaseSession) {
    self.session = session
  }

  /// This log's reading position on another session (after a reconnection).
  func continued(on session: DatabaseSession) -> DatabaseLog {
    let log = DatabaseLog(session: session)
    log.lastSequence = lastSequence
    log.linesRead = linesRead
    return log
  }

  /// Connects to `url` and checks that `db init` made the schema there.
  public static func open(_ url: DatabaseURL, environment: [String: String]) throws(DatabaseError)
    -> DatabaseLog
  {
    let session = try DatabaseSession.connect(url, environment: environment)
    try DatabaseSchema.requireReady(session)
    try session.execute(sessionSettings)
    return DatabaseLog(session: session)
  }

  /// Calls `sink(line, lineNumber, startsFile)` for every line after the last one read, in
  /// order, until there are none; `startsFile` marks the first line of an imported file (a
  /// chain of its own; a byte order mark there is the file's, not the line's).
  ///
  /// `settledUpper`: the log's last `seq`, read under the log's advisory lock (nobody can
  /// append until it is released): no need to ask for it, nor to look again at the end.
  public func readNew(
    from start: Int64? = nil, settledUpper: Int64? = nil,
    _ sink: (UnsafeRawBufferPointer, Int, Bool) throws -> Void
  ) throws {
    try readChunks(from: start, settledUpper: settledUpper) { chunk, firstLine in
      try chunk.forEachLine { line, index, startsFile in
        try sink(line, firstLine + index - 1, startsFile)
      }
    }
  }

  /// `readNew` by whole chunks: `sink(chunk, numberOfItsFirstLine)`.
  func readChunks(
    from start: Int64? = nil, settledUpper: Int64? = nil,
    _ sink: (Chunk, Int) throws -> Void
  ) throws {
    if let start { lastSequence = max(0, start - 1) }
    // Every seq up to the largest visible one is settled: writers draw seqs under one lock
    // held to their commit, so no line below it can still appear.
    var upper = try settledUpper ?? currentLastSequence()
    // Chunks asked for and not yet read, in order; the connection answers them in order.
    var inFlight: [(result: EventLoopFuture<PostgresQueryResult>, through: Int64)] = []
    var requested = lastSequence
    func request() {
      while inFlight.count < Self.chunksInFlight && requested < upper {
        let through = min(upper, requested + step)
        inFlight.append((fetch(after: requested, through: through), through))
        requested = through
      }
    }
    request()
    while !inFlight.isEmpty {
      let (current, through) = inFlight.removeFirst()
      let result: PostgresQueryResult
      do {
        result = try current.wait()
      } catch {
        throw DatabaseError.from(error, url: url, doing: "read the log from")
      }
      // The server works on the next chunks while this one is folded.
      request()
      let chunk = try Chunk(result, url: url)
      if chunk.count > 0 { try sink(chunk, linesRead + 1) }
      linesRead += chunk.count
      lastSequence = through
      if inFlight.isEmpty && settledUpper == nil {
        // Lines committed while we read.
        upper = try currentLastSequence()
        request()
      }
    }
  }

  private var step: Int64 { Int64(Self.chunkLines) }

  /// The bytes of a stored line that readers decode: an imported file's byte order mark is
  /// kept with its first line (the chain covers it) and skipped here, as file readers skip it.
  static func eventBytes(_ line: UnsafeRawBufferPointer, startsFile: Bool)
    -> UnsafeRawBufferPointer
  {
    guard startsFile else { return line }
    return UnsafeRawBufferPointer(rebasing: line[ByteOrderMark.length(at: line)...])
  }

  static let lastSequenceQuery: PostgresQuery =
    "SELECT coalesce(max(seq), 0)::bigint FROM watchfloor.log"

  /// The largest `seq` in the log (0 when it is empty).
  func currentLastSequence() throws(DatabaseError) -> Int64 {
    let rows = try session.query(Self.lastSequenceQuery, doing: "read the log from")
    do {
      return try rows.first?.decode(Int64.self) ?? 0
    } catch {
      throw DatabaseError(.server, "\(url) answered with something unexpected: \(error)")
    }
  }

  /// The lines with `after < seq ≤ through`, joined by `\n` into one value, with their count,
  /// the largest `seq` and the positions of imported files' first lines.
  private func fetch(after: Int64, through: Int64) -> EventLoopFuture<PostgresQueryResult> {
    session.start(Self.chunkQuery(after: after, through: through))
  }

  static func chunkQuery(after: Int64, through: Int64) -> PostgresQuery {
    // The lines of a range of seqs in order, joined into one value (one row to transfer), and
    // where imported files start, as positions in the chunk (rare: counted one by one).
    """
    SELECT count(*)::bigint, max(seq), string_agg(line, '\\x0a'::bytea ORDER BY seq),
      ARRAY(SELECT (SELECT count(*) FROM watchfloor.log c
                    WHERE c.seq > \(after) AND c.seq <= f.seq)::bigint
            FROM watchfloor.log f
            WHERE f.seq > \(after) AND f.seq <= \(through) AND f.source_line = 1
            ORDER BY f.seq)
    FROM watchfloor.log WHERE seq > \(after) AND seq <= \(through)
    """
  }

  /// Room for a chunk's sort in memory (a 50,000-line chunk is about 7 MB; the server's
  /// default of 4 MB would spill it to disk). `SET` changes this session only.
  static let sessionSettings = "SET work_mem = '32MB'"

  /// One fetched chunk.
  struct Chunk: Sendable {
    var count = 0
    var lastSequence: Int64?
    var joined: ByteBuffer?
    var fileStarts: [Int64] = []

    init() {}

    init(_ result: PostgresQueryResult, url: DatabaseURL) throws(DatabaseError) {
      guard let row = result.rows.first else {
        self.init()
        return
      }
      try self.init(row, url: url)
    }

    init(_ row: PostgresRow, url: DatabaseURL) throws(DatabaseError) {
      do {
        let decoded = try row.decode((Int64, Int64?, ByteBuffer?, [Int64]).self)
        count = Int(decoded.0)
        lastSequence = decoded.1
        joined = decoded.2
        fileStarts = decoded.3
      } catch {
        throw DatabaseError(.server, "\(url) sent a chunk of the log we cannot read: \(error)")
      }
    }

    /// Calls `body(line, indexFrom1, startsFile)` for each line.
    func forEachLine(_ body: (UnsafeRawBufferPointer, Int, Bool) throws -> Void) throws {
      guard count > 0, let joined else { return }
      let starts = Set(fileStarts.map(Int.init))
      try joined.withUnsafeReadableBytes { bytes in
        guard let base = bytes.baseAddress else {
          // One empty line: a chunk of blank lines joins to nothing.
          for index in 1...count {
            try body(UnsafeRawBufferPointer(start: nil, count: 0), index, starts.contains(index))
          }
          return
        }
        var index = 1
        var begin = 0
        while begin <= bytes.count {
          let rest = bytes.count - begin
          let end =
            memchr(base + begin, 0x0A, rest).map { base.distance(to: UnsafeRawPointer($0)) }
            ?? bytes.count
          try body(
            UnsafeRawBufferPointer(rebasing: bytes[begin..<end]), index, starts.contains(index))
          index += 1
          begin = end + 1
        }
      }
    }
  }

  // MARK: Writing

  /// Appends feed lines in order (one transaction); decisions among them are refused by the
  /// server. Returns the last `seq`.
  @discardableResult
  public func append(_ lines: [[UInt8]]) throws(DatabaseError) -> Int64 {
    guard !lines.isEmpty else { return lastSequence }
    try Self.checkLines(lines)
    let buffers = lines.map { ByteBuffer(bytes: $0) }
    let rows = try session.query(
      "SELECT watchfloor.append_lines(\(buffers))", doing: "append to")
    do {
      return try rows.first?.decode(Int64?.self) ?? 0
    } catch {
      throw DatabaseError(.server, "\(url) answered with something unexpected: \(error)")
    }
  }

  /// Imports `lines` of `file` starting at line `firstLine`; lines imported before are
  /// skipped. Returns how many were added.
  public func importLines(_ lines: [[UInt8]], file: String, firstLine: Int) throws(DatabaseError)
    -> Int
  {
    guard !lines.isEmpty else { return 0 }
    try Self.checkLines(lines)
    let buffers = lines.map { ByteBuffer(bytes: $0) }
    let rows = try session.query(
      "SELECT watchfloor.import_lines(\(file), \(Int64(firstLine)), \(buffers))",
      doing: "import into")
    do {
      return Int(try rows.first?.decode(Int64.self) ?? 0)
    } catch {
      throw DatabaseError(.server, "\(url) answered with something unexpected: \(error)")
    }
  }

  private static func checkLines(_ lines: [[UInt8]]) throws(DatabaseError) {
    if let bad = lines.firstIndex(where: { $0.contains(0x0A) }) {
      throw DatabaseError(.usage, "line \(bad + 1) holds a line break")
    }
  }
}
