/// Whether the followed log can be found and read: what the panes show when it cannot.
public enum FeedCondition: Equatable, Sendable {
  /// The file is open (it may still be empty).
  case open
  /// No file at the path: it is waited for.
  case missing
  /// The path names something that cannot be read as a log; `reason` says why.
  case unreadable(reason: String)
  /// The connection to a shared log is lost: the state shown is kept, read-only, and the
  /// next attempt is in `seconds` (`DB: reconnecting (3s)`).
  case reconnecting(label: String, seconds: Int)
  /// The log can be read but not written (a standby server); `reason` says so.
  case readOnly(reason: String)

  /// Whether decisions can be written now.
  var acceptsDecisions: Bool {
    switch self {
    case .open, .missing, .unreadable: true
    case .reconnecting, .readOnly: false
    }
  }
}

/// How a followed log changed under the console, so it is read again from the start.
public enum LogChange: Equatable, Sendable {
  /// The file got shorter (or was rewritten from its start).
  case truncated
  /// The path names another file now (rotation).
  case replaced
  /// The file came back after it was missing.
  case appeared

  /// The notice's word: `log truncated`, `log replaced`, `log back`.
  var word: String {
    switch self {
    case .truncated: "truncated"
    case .replaced: "replaced"
    case .appeared: "back"
    }
  }
}
