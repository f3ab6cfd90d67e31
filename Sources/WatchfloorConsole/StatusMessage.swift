/// The status line's rules: which messages are errors, and how long the others stay.
enum StatusMessage {
  /// How long a message that is not an error stays on the status line, in seconds.
  static let lifetime = 10.0

  /// Whether a status message reports a failure: it stays until the next key, so an officer
  /// who looked away still sees that a decision was not written.
  static func isError(_ text: String) -> Bool {
    text.hasPrefix("not written") || text.hasPrefix("cannot")
  }
}

extension ConsoleModel {
  /// Clears a message that is not an error once it has been shown for its lifetime.
  mutating func expireStatusMessage() {
    guard let resultLine, !StatusMessage.isError(resultLine), let statusClock else { return }
    guard let shownAt = resultShownAt else {
      resultShownAt = statusClock
      return
    }
    if statusClock - shownAt >= StatusMessage.lifetime { self.resultLine = nil }
  }
}
