import NIOCore
import PostgresNIO
import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#endif

/// Writes decisions to a PostgreSQL log, each in one transaction: the log's advisory lock,
/// the lines since the last one read folded in, the item and the policy checked again, then
/// `watchfloor.decide`, which adds `by` (the session's role) and the chain link.
///
/// Each decision has an id drawn before the first attempt. When the connection drops and the
/// commit's outcome is unknown, it reconnects and looks the id up: found, the decision is
/// reported written; not found, it is tried again with the same id (the server's unique key
/// on ids means it can never be written twice).
///
/// Not thread-safe: one writer per thread.
public final class DatabaseDecisions: DecisionWriter {
  private var log: DatabaseLog
  private let environment: [String: String]
  private var timeline = Timeline()
  private var source = 0
  /// How long to keep trying to reach the server to learn a decision's fate.
  private let reconnectSeconds: Double

  /// The role decisions are written as.
  public var officer: String { log.session.role }
  public var isStandby: Bool { log.session.isStandby }
  /// Whether the role belongs to `watchfloor_officer` (the server decides; this is for the
  /// console, which offers no decision keys to a viewer).
  public private(set) var canDecide = false

  public init(
    url: DatabaseURL, environment: [String: String] = ProcessEnvironment.current,
    reconnectSeconds: Double = 30
  ) throws(DatabaseError) {
    self.environment = environment
    self.reconnectSeconds = reconnectSeconds
    log = try DatabaseLog.open(url, environment: environment)
    source = timeline.addSource(url.description)
    canDecide = try Self.isOfficer(log.session)
  }

  static func isOfficer(_ session: DatabaseSession) throws(DatabaseError) -> Bool {
    let rows = try session.query(
      "SELECT pg_has_role(session_user, 'watchfloor_officer', 'MEMBER')")
    return (try? rows.first?.decode(Bool.self)) ?? false
  }

  public func write(
    _ order: DecisionOrder, by _: String, at time: Timestamp, context: PolicyContext,
    acceptingWarnings: Bool
  ) throws -> DecisionOutcome {
    let id = Journal.makeEventID()
    var context = context
    context.operatorName = officer
    var attempts = 0
    while true {
      attempts += 1
      do {
        return try attempt(
          order, id: id, at: time, context: context, acceptingWarnings: acceptingWarnings)
      } catch let error as DatabaseError where error.kind == .connection {
        // The outcome is unknown: the commit may or may not have reached the server.
        try reconnect(after: error)
        if let written = try lookUp(id) { return written }
        if attempts >= 3 { throw error }
      }
    }
  }

  /// One try: the whole decision in one transaction, in three round trips: the statements
  /// that do not depend on an answer are sent together (PostgreSQL runs them in order).
  private func attempt(
    _ order: DecisionOrder, id: String, at time: Timestamp, context: PolicyContext,
    acceptingWarnings: Bool
  ) throws -> DecisionOutcome {
    let session = log.session
    let begun = session.start("BEGIN")
    let locked = session.start("SELECT pg_advisory_xact_lock(\(DatabaseSchema.lockKey))")
    let last = session.start(DatabaseLog.lastSequenceQuery)
    do {
      try session.rows(of: begun, doing: "decide on")
      try session.rows(of: locked, doing: "lock the log on")
      let upper = (try? session.rows(of: last, doing: "read").first?.decode(Int64.self)) ?? nil
      try catchUp(settledUpper: upper)
      let draft = order.draft(
        in: timeline, by: nil, at: time, context: context, acceptingWarnings: acceptingWarnings,
        id: id)
      guard case .line(let line, let warnings) = draft else {
        try session.execute("ROLLBACK")
        if case .refused(let reason) = draft { return .refused(reason) }
        return .refused("the decision no longer applies")
      }
      let decided = session.start("SELECT line FROM watchfloor.decide(\(line), \(id))")
      let committed = session.start("COMMIT")
      let rows: [PostgresRow]
      do {
        rows = try session.rows(of: decided, doing: "decide on")
      } catch {
        // The transaction failed: the COMMIT sent after it rolls it back.
        _ = try? session.rows(of: committed, doing: "roll back on")
        throw error
      }
      try session.rows(of: committed, doing: "commit the decision on")
      let stored =
        (try? rows.first?.decode(ByteBuffer.self)).map { Array($0.readableBytesView) }
        ?? Array(line.utf8)
      // Under the lock nobody else appended: the decision is the line after those read.
      return .written(
        JournalReceipt(
          offset: -1, lineNumber: log.linesRead + 1,
          line: String(decoding: stored, as: UTF8.self), isolatedTornLine: false),
        warnings: warnings)
    } catch let error as DatabaseError where error.kind == .connection {
      throw error
    } catch let error as DatabaseError where error.kind == .refused {
      try? session.execute("ROLLBACK")
      return .refused(Self.explain(error, role: officer))
    } catch {
      try? session.execute("ROLLBACK")
      throw error
    }
  }

  /// The decision line with id `id`, when the server has it.
  private func lookUp(_ id: String) throws -> DecisionOutcome? {
    let rows = try log.session.query(
      """
      SELECT l.line, (SELECT count(*) FROM watchfloor.log c WHERE c.seq <= l.seq)::bigint
      FROM watchfloor.log l WHERE l.event_id = \(id)
      """, doing: "look the decision up on")
    guard let row = rows.first, let (buffer, number) = try? row.decode((ByteBuffer, Int64).self)
    else { return nil }
    let line = Array(buffer.readableBytesView)
    return .written(
      JournalReceipt(
        offset: -1, lineNumber: Int(number), line: String(decoding: line, as: UTF8.self),
        isolatedTornLine: false), warnings: [])
  }

  /// Folds the lines appended since the last read, up to `settledUpper` (read under the
  /// lock) when given.
  private func catchUp(settledUpper: Int64? = nil) throws {
    try log.readNew(settledUpper: settledUpper) { line, number, startsFile in
      timeline.ingest(
        DatabaseLog.eventBytes(line, startsFile: startsFile), lineNumber: number, source: source)
    }
  }

  /// A new session, trying for up to `reconnectSeconds`; what was read is kept.
  private func reconnect(after error: DatabaseError) throws {
    let deadline = monotonicNow() + reconnectSeconds
    var delay = 0.1
    while true {
      do {
        let session = try DatabaseSession.connect(log.url, environment: environment)
        log = log.continued(on: session)
        return
      } catch {
        if monotonicNow() + delay > deadline {
          throw DatabaseError(
            .connection,
            "\(error.message); the decision's outcome could not be learnt: "
              + "it is written at most once, look for it with `watchfloor db export`")
        }
        usleep(UInt32(delay * 1_000_000))
        delay = min(delay * 2, 2)
      }
    }
  }

  /// The server's refusal in the officer's words.
  static func explain(_ error: DatabaseError, role: String) -> String {
    if error.sqlState == "42501" && error.message.contains("function") {
      return
        "the database role \"\(role)\" may not decide (it is not a member of "
        + "watchfloor_officer): \(error.message)"
    }
    return error.message
  }
}

func monotonicNow() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
