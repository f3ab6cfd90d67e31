/// Whether the followed log can be found and read: what the panes show when it cannot.
public enum FeedCondition: Equatable, Sendable {
  /// The file is open (it may still be empty).
  case open
  /// No file at the path: it is waited for.
  case missing
  /// The path names something that cannot be read as a log; `reason` says why.
  case unreadable(reason: String)
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
