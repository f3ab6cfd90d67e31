import Dispatch
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One connection to a PostgreSQL log, used synchronously: the commands and the console's
/// workers are plain threads, so each call waits for PostgresNIO's event loop to answer.
///
/// Use from one thread at a time (a connection runs one statement at a time anyway).
public final class DatabaseSession: @unchecked Sendable {
  public let url: DatabaseURL
  let connection: PostgresConnection
  /// The role the server knows this session as (`session_user`): the officer.
  public let role: String
  /// Whether the server is a standby in recovery: it can be read, never written.
  public let isStandby: Bool

  static let logger = Logger(label: "watchfloor.db") { _ in SwiftLogNoOpLogHandler() }

  /// The queries in flight, failed together when the connection closes.
  private let pending = PendingQueries()

  private init(url: DatabaseURL, connection: PostgresConnection, role: String, isStandby: Bool) {
    self.url = url
    self.connection = connection
    self.role = role
    self.isStandby = isStandby
    let pending = pending
    let closed = DatabaseError(
      .connection, "cannot run a query on \(url): the connection was closed")
    connection.closeFuture.whenComplete { _ in pending.closeAll(failing: closed) }
  }

  deinit {
    // PostgresNIO insists a connection is closed before it goes.
    _ = try? connection.close().wait()
  }

  /// Connects and authenticates; the password from `PGPASSWORD` or the password file.
  public static func connect(
    _ url: DatabaseURL, environment: [String: String] = ProcessEnvironment.current,
    timeoutSeconds: Int64 = 10
  ) throws(DatabaseError) -> DatabaseSession {
    let configuration = try configuration(
      for: url, environment: environment, timeout: timeoutSeconds)
    let connection: PostgresConnection
    do {
      connection = try waitFor {
        try await PostgresConnection.connect(
          configuration: configuration, id: Int.random(in: 1..<Int.max), logger: logger)
      }
    } catch {
      let failure = DatabaseError.from(error, url: url, doing: "connect to")
      guard failure.kind == .refused,
        let problem = url.passwordFileProblem(environment: environment)
      else { throw failure }
      throw DatabaseError(.refused, failure.message + "; " + problem, sqlState: failure.sqlState)
    }
    do {
      let rows = try connection.query(
        "SELECT session_user::text, pg_is_in_recovery()", logger: logger
      ).wait().rows
      guard let row = rows.first else {
        throw DatabaseError(.server, "\(url) did not say who we are")
      }
      let (role, standby) = try row.decode((String, Bool).self)
      return DatabaseSession(url: url, connection: connection, role: role, isStandby: standby)
    } catch {
      _ = try? connection.close().wait()
      throw DatabaseError.from(error, url: url, doing: "open")
    }
  }

  /// Runs a statement and collects its rows.
  @discardableResult
  public func query(_ query: PostgresQuery, doing action: String = "run a query on")
    throws(DatabaseError) -> [PostgresRow]
  {
    // PostgresNIO writes a query to a closed channel without failing its future: it would
    // never answer. A connection the server ended (a restart, pg_terminate_backend) is closed.
    guard !connection.isClosed else { throw closedError(doing: action) }
    do {
      return Array(try start(query).wait().rows)
    } catch {
      throw DatabaseError.from(error, url: url, doing: action)
    }
  }

  /// The rows of a statement started with `start(_:)`, or its error explained.
  @discardableResult
  public func rows(of started: EventLoopFuture<PostgresQueryResult>, doing action: String)
    throws(DatabaseError) -> [PostgresRow]
  {
    do {
      return Array(try started.wait().rows)
    } catch {
      throw DatabaseError.from(error, url: url, doing: action)
    }
  }

  /// Runs SQL text with no parameters, one statement after another.
  public func execute(_ sql: String, doing action: String = "run a query on")
    throws(DatabaseError)
  {
    for statement in SQLScript.statements(sql) {
      try query(PostgresQuery(unsafeSQL: statement), doing: action)
    }
  }

  /// Starts a statement and returns at once; `wait()` on the future for its rows. Used to
  /// fetch the next chunk of a log while the current one is folded.
  public func start(_ query: PostgresQuery) -> EventLoopFuture<PostgresQueryResult> {
    guard !connection.isClosed else {
      return connection.eventLoop.makeFailedFuture(closedError(doing: "read the log from"))
    }
    // PostgresNIO leaves a query's future pending when the channel closes just as it is
    // written: every query in flight is failed when the connection closes, so that no caller
    // waits forever.
    let answer = connection.eventLoop.makePromise(of: PostgresQueryResult.self)
    let closed = closedError(doing: "run a query on")
    let connection = connection
    let pending = pending
    connection.eventLoop.execute {
      guard let key = pending.add(answer) else {
        answer.fail(closed)
        return
      }
      connection.query(query, logger: Self.logger).whenComplete { result in
        pending.remove(key)
        answer.completeWith(result)
      }
    }
    return answer.futureResult
  }

  private func closedError(doing action: String) -> DatabaseError {
    DatabaseError(.connection, "cannot \(action) \(url): the connection was closed")
  }

  /// Calls `notified` (on the connection's event loop) for every notification on `channel`,
  /// after sending `LISTEN`: statements sent after this run after it.
  public func listen(_ channel: String, notified: @escaping @Sendable () -> Void) {
    connection.addListener(channel: channel) { _, _ in notified() }
  }

  /// Whether the connection is closed (the server went away or `close()` was called).
  public var isClosed: Bool { connection.isClosed }

  public func close() {
    _ = try? connection.close().wait()
  }

  // MARK: Configuration

  static func configuration(
    for url: DatabaseURL, environment: [String: String], timeout: Int64
  ) throws(DatabaseError) -> PostgresConnection.Configuration {
    let password = url.password(environment: environment)
    var configuration: PostgresConnection.Configuration
    if let socket = url.socketPath {
      configuration = .init(
        unixSocketPath: socket, username: url.user, password: password, database: url.database)
    } else {
      configuration = .init(
        host: url.host, port: url.port, username: url.user, password: password,
        database: url.database, tls: try tls(for: url))
      if url.sslMode == .verifyFull { configuration.options.tlsServerName = url.host }
    }
    configuration.options.connectTimeout = .seconds(timeout)
    configuration.options.additionalStartupParameters = [("application_name", url.applicationName)]
    return configuration
  }

  /// TLS as libpq's `sslmode` asks: `disable` none; `allow` and `prefer` TLS when the server
  /// offers it, unverified; `require` TLS, unverified (verified like `verify-ca` when a root
  /// certificate is named); `verify-ca` the chain; `verify-full` the chain and the host name.
  private static func tls(for url: DatabaseURL) throws(DatabaseError)
    -> PostgresConnection.Configuration.TLS
  {
    guard url.sslMode != .disable else { return .disable }
    var tls = TLSConfiguration.makeClientConfiguration()
    let verify: Bool
    switch url.sslMode {
    case .disable, .allow, .prefer: verify = false
    case .require: verify = url.rootCertificate != nil
    case .verifyCA, .verifyFull: verify = true
    }
    tls.certificateVerification =
      !verify ? .none : url.sslMode == .verifyFull ? .fullVerification : .noHostnameVerification
    do {
      if let root = url.rootCertificate, verify {
        tls.trustRoots = .file(root)
      }
      if let certificate = url.clientCertificate {
        tls.certificateChain = try NIOSSLCertificate.fromPEMFile(certificate).map {
          .certificate($0)
        }
      }
      if let key = url.clientKey {
        tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
      }
      let context = try NIOSSLContext(configuration: tls)
      return url.sslMode == .allow || url.sslMode == .prefer
        ? .prefer(context) : .require(context)
    } catch {
      throw DatabaseError(.usage, "cannot set up TLS for \(url): \(error)")
    }
  }
}

/// Runs `work` on the concurrency pool and waits for it on this (non-pool) thread.
func waitFor<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value
{
  let box = ResultBox<Value>()
  let done = DispatchSemaphore(value: 0)
  Task.detached {
    do {
      box.result = .success(try await work())
    } catch {
      box.result = .failure(error)
    }
    done.signal()
  }
  done.wait()
  guard let result = box.result else { throw DatabaseError(.connection, "no answer") }
  return try result.get()
}

/// Carries a result across the semaphore in `waitFor`: written once before the signal, read
/// once after the wait, so never touched by two threads at once.
private final class ResultBox<Value>: @unchecked Sendable {
  var result: Result<Value, any Error>?
}

/// The promises of the queries a session has in flight. Touched only on the connection's
/// event loop (every call comes from a task or a callback there), hence unchecked.
private final class PendingQueries: @unchecked Sendable {
  private var promises: [Int: EventLoopPromise<PostgresQueryResult>] = [:]
  private var nextKey = 0
  private var closed = false

  /// Registers a promise; nil once the connection has closed.
  func add(_ promise: EventLoopPromise<PostgresQueryResult>) -> Int? {
    guard !closed else { return nil }
    nextKey += 1
    promises[nextKey] = promise
    return nextKey
  }

  func remove(_ key: Int) {
    promises[key] = nil
  }

  func closeAll(failing error: DatabaseError) {
    closed = true
    for promise in promises.values { promise.fail(error) }
    promises = [:]
  }
}
