import WatchfloorModel

/// Everything that can change the console: keys, the terminal's size, the clock, the log.
public enum ConsoleMessage {
  case key(Key)
  case resize(width: Int, height: Int)
  /// The clock moved on (wall time, or simulated time in the demo).
  case tick(Timestamp)
  /// New lines were folded into the timeline; `at` is when they arrived.
  case logAdvanced(at: Timestamp)
  /// The log file was truncated, replaced, is missing or came back.
  case feedNotice(String?)
  /// The log is read again from the start into a new timeline (it was truncated or replaced),
  /// with the notice that says so.
  case logReplaced(Timeline, notice: String?)
  /// What became of a confirmed decision: written, or why not.
  case decisionResult(String)
  /// A frame's time on a monotonic clock, in seconds: it drives replay playback.
  case frame(Double)
}

/// What the run loop must do after an update.
public enum ConsoleEffect: Equatable, Sendable {
  case quit
  case bell
  /// Write a confirmed decision through the journal (lock, re-check, append, sync).
  case decide(DecisionRequest)
}
