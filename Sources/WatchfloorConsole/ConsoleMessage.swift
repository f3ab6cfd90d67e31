import WatchfloorModel

/// Everything that can change the console: keys, the terminal's size, the clock, the log.
public enum ConsoleMessage {
  case key(Key)
  case resize(width: Int, height: Int)
  /// The clock moved on (wall time, or simulated time in the demo).
  case tick(Timestamp)
  /// The clock times the status line: a monotonic clock's reading, in seconds (wall time even
  /// where the clock shown is simulated, as in the demo).
  case statusClock(Double)
  /// New lines were folded into the timeline; `at` is when the log grew (the file's
  /// modification time for what was there when the console opened it).
  case logAdvanced(at: Timestamp)
  /// A notice about the feed in the header (the log is being read, the simulated feed stopped).
  case feedNotice(String?)
  /// The log file is open, missing or unreadable.
  case feedCondition(FeedCondition)
  /// The log is read again from the start into a new timeline, because it changed under the
  /// console (truncated, replaced, back after missing).
  case logReplaced(Timeline, change: LogChange)
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
