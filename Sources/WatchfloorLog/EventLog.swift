import WatchfloorModel

/// A finished log as the commands read it: files (the embedded default) or a PostgreSQL
/// database. Nothing above this layer knows which: both give their lines in the order of
/// facts, under source names and line numbers, and their decision chain.
public protocol EventLog: AnyObject {
  /// The names lines are reported under: the files, or the database's URL.
  var sourceNames: [String] { get }
  /// Folds every line into `timeline`; calls `report(verdict, source, lineNumber)` for every
  /// non-blank line.
  func read(into timeline: Timeline, report: (LineVerdict, Int, Int) -> Void) throws
  /// Recomputes the decision chain.
  func verifyChain() throws -> ChainLedger
}

/// The SOURCE arguments of a command: files and directories, or one database URL.
public enum LogLocation: Sendable, Equatable {
  case files([String])
  case database(DatabaseURL)

  /// Reads SOURCE arguments; a database URL stands alone.
  public static func parse(
    _ sources: [String], environment: [String: String] = ProcessEnvironment.current
  ) throws(DatabaseError) -> LogLocation {
    let urls = sources.filter(DatabaseURL.names)
    guard !urls.isEmpty else { return .files(sources) }
    guard sources.count == 1 else {
      throw DatabaseError(
        .usage,
        "a database log is read alone: import files into it with `watchfloor db import`")
    }
    return .database(try DatabaseURL.parse(urls[0], environment: environment))
  }

  /// Opens the log, or throws an error whose description is one line for the officer.
  public func open(environment: [String: String] = ProcessEnvironment.current) throws
    -> any EventLog
  {
    switch self {
    case .files(let sources): return try FileLog(files: LogSources.files(for: sources))
    case .database(let url): return try DatabaseLog.open(url, environment: environment)
    }
  }
}

/// Log files read in order as one log.
public final class FileLog: EventLog {
  public let files: [String]
  public var sourceNames: [String] { files }

  public init(files: [String]) {
    self.files = files
  }

  public func read(into timeline: Timeline, report: (LineVerdict, Int, Int) -> Void) throws {
    try LogReader.read(files, into: timeline, report: report)
  }

  public func verifyChain() throws -> ChainLedger {
    try ChainLedger.verify(files)
  }
}

extension DatabaseLog: EventLog {
  public var sourceNames: [String] { [url.description] }

  public func read(into timeline: Timeline, report: (LineVerdict, Int, Int) -> Void) throws {
    let source = timeline.addSource(url.description)
    try readNew(from: 1) { line, number, startsFile in
      let verdict = timeline.ingest(
        DatabaseLog.eventBytes(line, startsFile: startsFile), lineNumber: number, source: source)
      if case .blank = verdict { return }
      report(verdict, source, number)
    }
    timeline.trim()
  }

  /// One chain over the whole log, as over one file; each imported file's first link may
  /// also match the chain of that file alone (``ChainLedger/Builder``).
  public func verifyChain() throws -> ChainLedger {
    var builder = ChainLedger.Builder(path: url.description)
    try readNew(from: 1) { line, number, startsFile in
      builder.feed(line: line, number: number, startsFile: startsFile)
    }
    return builder.finish()
  }
}
