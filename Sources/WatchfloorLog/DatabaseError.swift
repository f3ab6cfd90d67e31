import PostgresNIO

/// Why a database log could not do what was asked, as one line an officer can act on.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
  public enum Kind: Sendable, Equatable {
    /// A bad URL or option: nothing was tried.
    case usage
    /// The server could not be reached, or the connection was lost.
    case connection
    /// The server refused: no privilege, a wrong password, a rule of the schema.
    case refused
    /// Anything else the server reported.
    case server
  }

  public let kind: Kind
  public let message: String
  /// The server's SQLSTATE, when it sent one.
  public let sqlState: String?

  public var description: String { message }

  public init(_ kind: Kind, _ message: String, sqlState: String? = nil) {
    self.kind = kind
    self.message = message
    self.sqlState = sqlState
  }

  /// The error `error` (from PostgresNIO or NIO) explained, with `url` for context.
  static func from(_ error: any Error, url: DatabaseURL, doing action: String) -> DatabaseError {
    if let known = error as? DatabaseError { return known }
    if let transaction = error as? PostgresTransactionError {
      let inner =
        transaction.closureError ?? transaction.commitError ?? transaction.beginError
        ?? transaction.rollbackError
      if let inner { return from(inner, url: url, doing: action) }
    }
    guard let psql = error as? PSQLError else {
      return DatabaseError(.connection, "cannot \(action) \(url): \(error)")
    }
    if let info = psql.serverInfo, let message = info[.message] {
      let state = info[.sqlState]
      var text = message
      if let detail = info[.detail] { text += " (\(detail))" }
      if let hint = info[.hint] { text += "; \(hint)" }
      if state == "42501" && message.contains("schema watchfloor") {
        text +=
          "; the role \(url.user) is in no Watchfloor group: "
          + "watchfloor db grant URL \(url.user) --as viewer|officer|feed"
      }
      // Class 28 is authentication, 42501 a missing privilege, P0001 a rule of our functions.
      let refused =
        state?.hasPrefix("28") == true || state == "42501" || state == "P0001"
        || state == "23505"
      // Class 08 and 57P01-57P03: the server ended the connection (a shutdown, a restart,
      // pg_terminate_backend); what was in flight has an unknown outcome, as on a lost socket.
      let lost =
        state?.hasPrefix("08") == true || state.map(["57P01", "57P02", "57P03"].contains) == true
      if lost {
        return DatabaseError(.connection, "cannot \(action) \(url): \(text)", sqlState: state)
      }
      return DatabaseError(
        refused ? .refused : .server, "\(url) refused to \(action): \(text)", sqlState: state)
    }
    switch psql.code {
    case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
      let cause =
        psql.underlying.map { plainCause("\($0)", url: url) } ?? "the connection was closed"
      return DatabaseError(.connection, "cannot \(action) \(url): \(cause)")
    case .sslUnsupported:
      return DatabaseError(
        .connection,
        "cannot \(action) \(url): the server does not offer TLS (sslmode=\(url.sslMode.rawValue))")
    case .authMechanismRequiresPassword:
      return DatabaseError(
        .refused, "\(url) asks for a password: set PGPASSWORD or add it to ~/.pgpass")
    default:
      let cause = psql.underlying.map { plainCause("\($0)", url: url) } ?? psql.code.description
      return DatabaseError(.connection, "cannot \(action) \(url): \(cause)")
    }
  }

  /// NIO's description of a failed connection, in words an officer can act on.
  private static func plainCause(_ text: String, url: DatabaseURL) -> String {
    let place = url.socketPath ?? "\(url.host):\(url.port)"
    if text.contains("Connection refused") {
      return "connection refused at \(place): is PostgreSQL running and listening there?"
    }
    if text.contains("No such file or directory") {
      return "no server socket at \(place): is PostgreSQL running?"
    }
    if text.lowercased().contains("timed out") || text.lowercased().contains("timeout") {
      return "no answer from \(place) within \(url.connectTimeoutSeconds) s"
    }
    if text.contains("resolve") || text.contains("not known") {
      return "cannot find the host \(url.host)"
    }
    if text.contains("Connection reset") || text.contains("closed") {
      return "the server closed the connection"
    }
    return text
  }
}
