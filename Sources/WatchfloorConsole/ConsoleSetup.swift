import WatchfloorModel

/// The one way to build a console: `live`, `demo`, `replay`, `render` and the tests give it
/// what they know, and it returns a ready ``ConsoleModel``. So `render` draws exactly what
/// `live` or `replay` would show at the same moment: the same officer and roster, themes,
/// zone and marks.
///
/// It only calls the model's public API, so the model's storage can change behind it.
public struct ConsoleSetup {
  /// Where the console stands in the log.
  public enum Position {
    /// Live: the timeline as read so far, followed as it grows; the clock is ``ConsoleSetup/now``.
    case following
    /// A still frame of the live console (`render`): the state as of the time (nil: the end
    /// of the log), the clock at that time (else at the log's latest event), the feed's last
    /// line the last line applied.
    case still(asOf: Timestamp?)
    /// A replay, read-only, at the replay's cursor; the clock is the replay's.
    case replay(Replay)
  }

  public var timeline: Timeline
  public var position: Position
  public var size: (width: Int, height: Int)
  /// The wall clock (or the demo's simulated one) for a live console; ignored by the other
  /// positions, whose clock follows the log.
  public var now: Timestamp
  public var identity: OfficerIdentity
  /// The themes `t` cycles through, the chosen one first; never empty in practice (an empty
  /// list draws with ``Theme/standard``).
  public var themes: [Theme]
  public var zone: DisplayZone
  /// Whether a new critical incident rings the bell (a replay never rings).
  public var bell: Bool
  /// The log's name in the header: the followed file, or the sources.
  public var source: String
  /// How long a critical incident may wait for acknowledgement before it escalates, and how
  /// long the log may go without a line before it is stale, in seconds (the config's
  /// `escalate_after` and `stale_after`).
  public var escalateAfterSeconds: Int64 = 300
  public var staleAfterSeconds: Int64 = 900
  /// The decision chain's verdicts, for the replay's status line and the history; nil when
  /// not checked.
  public var chainMarks: ChainMarks?
  /// Whether to draw in ASCII only (``ASCIIFallback``): the terminal's character set is not
  /// UTF-8.
  public var asciiOnly = false

  public init(
    timeline: Timeline, position: Position, size: (width: Int, height: Int) = (80, 24),
    now: Timestamp, identity: OfficerIdentity, themes: [Theme] = [Theme.standard],
    zone: DisplayZone = .utc, bell: Bool = true, source: String, chainMarks: ChainMarks? = nil
  ) {
    self.timeline = timeline
    self.position = position
    self.size = size
    self.now = now
    self.identity = identity
    self.themes = themes
    self.zone = zone
    self.bell = bell
    self.source = source
    self.chainMarks = chainMarks
  }

  /// The console, ready to draw or to run.
  public func makeModel() -> ConsoleModel {
    var model = ConsoleModel(
      timeline: timeline, size: size, now: now, operatorName: identity.name,
      feed: FeedHealth(source: source), themes: themes)
    model.operatorRole = identity.role
    model.roster = identity.roster
    model.zone = zone
    model.bellEnabled = bell
    model.chainMarks = chainMarks
    model.asciiOnly = asciiOnly
    model.escalateAfterSeconds = escalateAfterSeconds
    model.staleAfterSeconds = staleAfterSeconds
    switch position {
    case .following:
      break
    case .still(let time):
      let state = time.map { timeline.state(asOf: $0) } ?? timeline.current
      model.state = state
      model.now = time ?? state.latest
      model.feed.lastLineAt = state.lastApplied.isMissing ? nil : state.lastApplied
      model.keepSelectionsVisible()
    case .replay(let replay):
      model.startReplay(replay)
    }
    // What was overdue before the console opened does not ring when it opens.
    model.resetEscalations()
    return model
  }
}
