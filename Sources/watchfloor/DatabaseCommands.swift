import ArgumentParser
import WatchfloorLog

#if canImport(Glibc)
  import Glibc
#endif

/// `watchfloor db …`: a log shared through PostgreSQL.
struct DatabaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "db",
    abstract: "Keep a log in PostgreSQL, shared by sites (see README: Deployment).",
    discussion: """
      URL is postgres://USER@HOST:PORT/DB (or postgresql://), with sslmode=, host=/socket/dir
      and the other libpq options; the password comes from PGPASSWORD or ~/.pgpass, never
      from the URL.
      """,
    subcommands: [
      DatabaseInitCommand.self, DatabaseGrantCommand.self, DatabaseRevokeCommand.self,
      DatabaseImportCommand.self, DatabaseAppendCommand.self, DatabaseExportCommand.self,
    ])
}

/// Connects to `text`, or exits 2 with the reason.
func connectDatabase(_ text: String) throws -> DatabaseSession {
  do {
    return try DatabaseSession.connect(DatabaseURL.parse(text))
  } catch {
    throw databaseExit(error)
  }
}

/// Opens the log at `text` (the schema must exist), or exits 2 with the reason.
func openDatabaseLog(_ text: String) throws -> DatabaseLog {
  do {
    return try DatabaseLog.open(DatabaseURL.parse(text), environment: ProcessEnvironment.current)
  } catch {
    throw databaseExit(error)
  }
}

/// Prints `error` and gives the exit code: 1 when the server refused, 2 otherwise.
func databaseExit(_ error: DatabaseError) -> ExitCode {
  standardError("watchfloor: \(error)")
  return ExitCode(error.kind == .refused ? 1 : 2)
}

struct DatabaseInitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create or upgrade the log's schema and the three group roles.",
    discussion: """
      Run it as a role that may create roles (the database's owner or an administrator); it
      owns the log. Running it again applies only the migrations the database lacks.
      """)
  @Argument(help: "The database.") var url: String

  func run() throws {
    let session = try connectDatabase(url)
    do {
      let applied = try DatabaseSchema.initialize(session)
      let version = DatabaseSchema.currentVersion
      standardOutput(
        applied.isEmpty
          ? "\(session.url): schema version \(version), up to date"
          : "\(session.url): schema version \(version) (applied "
            + applied.map(String.init).joined(separator: ", ")
            + "); roles watchfloor_viewer, watchfloor_officer, watchfloor_feed")
    } catch {
      throw databaseExit(error)
    }
  }
}

/// `--as viewer|officer|feed`.
enum DatabaseGroup: String, ExpressibleByArgument, CaseIterable {
  case viewer, officer, feed
  var role: String { "watchfloor_\(rawValue)" }
  /// `a viewer`, `an officer`, `a feed`.
  var withArticle: String { (self == .officer ? "an " : "a ") + rawValue }
}

struct DatabaseGrantCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grant",
    abstract: "Make NAME a login role (created when missing) in a group.",
    discussion: """
      Give the role a password with psql's \\password NAME, or let it log in with a client
      certificate (pg_hba.conf); officers decide as their role, so each needs a role of
      their own.
      """)
  @Argument(help: "The database.") var url: String
  @Argument(help: "The login role.") var name: String
  @Option(name: .customLong("as"), help: "viewer (reads), officer (decides), feed (appends).")
  var group: DatabaseGroup

  func run() throws {
    let session = try connectDatabase(url)
    do {
      try DatabaseSchema.grant(session, name: name, group: group.role)
      standardOutput("\(name) is now \(group.withArticle) (\(group.role)) on \(session.url)")
    } catch {
      throw databaseExit(error)
    }
  }
}

struct DatabaseRevokeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke", abstract: "Take NAME out of a group (the role itself stays).")
  @Argument(help: "The database.") var url: String
  @Argument(help: "The login role.") var name: String
  @Option(name: .customLong("as"), help: "viewer, officer or feed.")
  var group: DatabaseGroup

  func run() throws {
    let session = try connectDatabase(url)
    do {
      try DatabaseSchema.revoke(session, name: name, group: group.role)
      standardOutput("\(name) is no longer \(group.withArticle) on \(session.url)")
    } catch {
      throw databaseExit(error)
    }
  }
}

struct DatabaseImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Append the lines of log files, in order; importing again adds nothing.",
    discussion: """
      Each line is kept with its file (the file's real path) and its line number under a
      unique key, so an import that is run again, or that stopped half-way, adds only the
      lines not there yet (and a file that grew adds its new lines). Import finished files:
      a last line without its newline is imported as it is. Run it as the log's owner.
      """)
  @Argument(help: "Log files or directories of daily logs.") var sources: [String]
  @Option(help: "The database.") var to: String

  func run() throws {
    let files: [String]
    do {
      files = try LogSources.files(for: sources)
    } catch {
      standardError("watchfloor: \(error)")
      throw ExitCode(2)
    }
    let log = try openDatabaseLog(to)
    var total = 0
    for file in files {
      let key = realPath(file) ?? file
      var batch: [[UInt8]] = []
      var first = 1
      var added = 0
      var lines = 0
      var failure: DatabaseError?
      var byteOrderMark: [UInt8] = []
      func flush() {
        guard failure == nil, !batch.isEmpty else { return }
        do {
          added += try log.importLines(batch, file: key, firstLine: first)
        } catch {
          failure = error
        }
        first += batch.count
        batch.removeAll(keepingCapacity: true)
      }
      do {
        try LogReader.readFile(
          file, byteOrderMark: { byteOrderMark = Array($0) },
          lines: { line, number, _ in
            // The file's byte order mark stays with its first line, as received.
            batch.append(number == 1 ? byteOrderMark + Array(line) : Array(line))
            lines = number
            if batch.count == 10_000 { flush() }
          })
      } catch {
        standardError("watchfloor: \(error)")
        throw ExitCode(2)
      }
      flush()
      if let failure { throw databaseExit(failure) }
      total += added
      standardOutput(
        "\(file): \(added) of \(lines) lines added"
          + (added < lines ? " (\(lines - added) were there already)" : ""))
    }
    if files.count > 1 { standardOutput("\(total) lines added to \(log.url)") }
    // Fresh statistics: the planner reads the log in chunks by seq, and a table it believes
    // small gets a plan that is slow on a large one.
    if total > 0 {
      do {
        try log.session.execute("ANALYZE watchfloor.log", doing: "analyze the log on")
      } catch {
        standardError("watchfloor: warning: \(error)")
      }
    }
  }

  private func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

struct DatabaseAppendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "append",
    abstract: "Append JSON Lines from standard input, as the role you connect as (a feed).",
    discussion: """
      Lines are sent as they arrive (up to 1,000 in one transaction); a decision among them is
      refused by the server, since only officers decide. Exit 0 at the end of input.
      """)
  @Argument(help: "The database.") var url: String

  func run() throws {
    let log = try openDatabaseLog(url)
    var reader = StandardInputLines()
    var appended = 0
    while let batch = reader.nextBatch(limit: 1_000) {
      do {
        try log.append(batch)
      } catch {
        standardError("watchfloor: \(appended) lines appended before this failure")
        throw databaseExit(error)
      }
      appended += batch.count
    }
    standardOutput("\(appended) lines appended to \(log.url)")
  }
}

struct DatabaseExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Print the log as JSON Lines, each line byte for byte as stored.")
  @Argument(help: "The database.") var url: String
  @Option(help: "Start at this sequence number.") var from: Int64 = 1

  func run() throws {
    let log = try openDatabaseLog(url)
    var output = ExportOutput()
    do {
      try log.readNew(from: from) { line, _, _ in output.append(line) }
    } catch let error as DatabaseError {
      output.flush()
      throw databaseExit(error)
    }
    output.flush()
  }
}

/// Complete lines from standard input, in batches of what has arrived.
struct StandardInputLines {
  private var splitter = LineSplitter()
  private var finished = false
  private var buffer = [UInt8](repeating: 0, count: 1 << 16)

  /// The next lines: waits for at least one, then takes whatever else is already there, up
  /// to `limit`. Nil at the end of input.
  mutating func nextBatch(limit: Int) -> [[UInt8]]? {
    var lines: [[UInt8]] = []
    while lines.count < limit {
      if finished { break }
      if !lines.isEmpty {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        if poll(&descriptor, 1, 0) <= 0 { break }
      }
      let count = read(0, &buffer, buffer.count)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        finished = true
        splitter.finish { line, _ in lines.append(Array(line)) }
        break
      }
      buffer.withUnsafeBytes { bytes in
        splitter.feed(UnsafeRawBufferPointer(rebasing: bytes[0..<count])) { line, _ in
          lines.append(Array(line))
        }
      }
    }
    return lines.isEmpty && finished ? nil : lines
  }
}

/// Lines to standard output, written in large blocks.
struct ExportOutput {
  private var bytes: [UInt8] = []

  mutating func append(_ line: UnsafeRawBufferPointer) {
    bytes.append(contentsOf: line)
    bytes.append(0x0A)
    if bytes.count >= 1 << 20 { flush() }
  }

  mutating func flush() {
    var offset = 0
    bytes.withUnsafeBytes { raw in
      while offset < raw.count {
        let written = write(1, raw.baseAddress.map { $0 + offset }, raw.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        offset += written
      }
    }
    bytes.removeAll(keepingCapacity: true)
  }
}
