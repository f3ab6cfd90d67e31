import WatchfloorModel

/// The panes of the console, in focus order.
public enum Pane: Int, CaseIterable, Sendable {
  case airlifts, occupancy, incidents

  public var title: String {
    switch self {
    case .airlifts: "Airlifts"
    case .occupancy: "Occupancy"
    case .incidents: "Incidents"
    }
  }
}

/// What the console is showing on top of the panes.
public enum Overlay: Equatable, Sendable {
  case help
  /// The full history of one airlift, facility or incident.
  case detail(DetailHistory)
}

/// The item a detail view is about.
public enum DetailSubject: Equatable, Sendable {
  case airlift(Symbol)
  case incident(Symbol)
  case facility(Symbol)
}

/// The health of the feed, shown in the header.
public struct FeedHealth: Equatable, Sendable {
  /// When the log last grew: the file's modification time when the console opened it, then
  /// the wall time each new line arrived; nil before any line.
  public var lastLineAt: Timestamp?
  /// A notice about the file: truncated or replaced (and what that changed).
  public var notice: String?
  public var source: String
  /// Whether the file could be found and read.
  public var condition: FeedCondition = .open

  public init(source: String, lastLineAt: Timestamp? = nil, notice: String? = nil) {
    self.source = source
    self.lastLineAt = lastLineAt
    self.notice = notice
  }
}

/// How the console is being used: following a live log, or replaying a past one.
public enum ConsoleMode: Equatable, Sendable {
  case live
  case replay
}

/// Everything the console shows: the state of the operation, plus the state of the UI.
///
/// A value, changed only by `update`; the view is a pure function of it. The log's timeline
/// is referenced (not owned) for the detail view's history.
public struct ConsoleModel {
  public var state: OpsState
  public var timeline: Timeline
  public var tables: SymbolTables { timeline.tables }
  /// The day, cursor and playback of a replay; nil live.
  public var replay: Replay?
  /// Live or replay: whether there is a replay.
  public var mode: ConsoleMode { replay == nil ? .live : .replay }
  public var size: (width: Int, height: Int)
  /// The clock shown and used for ages: wall time live, simulated time in the demo.
  public var now: Timestamp
  /// The run loop's monotonic clock in seconds (from `.frame`), which times how long rows are
  /// held still after a movement key; wall time even in the demo, whose `now` runs fast.
  /// Nil until the first frame: nothing is held then.
  public var monotonicSeconds: Double?
  /// The zone displayed times are in; each time is shown at the offset in force at it.
  public var zone = DisplayZone.utc
  /// The zone's offset from UTC at the clock's time, in minutes; 0 shows UTC.
  public var timeZoneMinutes: Int { zone.minutes(at: now) }
  public var timeZoneName: String { zone.name }
  public var operatorName: String
  /// The decision chain's verdict on each decision line, shown with decisions when present
  /// (replay); nil when the chain was not checked (live).
  public var chainMarks: ChainMarks?
  /// Whether the screen is drawn in ASCII only (a terminal whose character set is not UTF-8).
  public var asciiOnly = false
  /// The roster that gave the officer their role.
  public var roster: RosterSource = .open
  public var rosterOpen: Bool { roster == .open }
  /// The officer's role on the roster (open roster: an approver).
  public var operatorRole: OperatorRole = .approver
  public var feed: FeedHealth
  public var bellEnabled = true
  /// How long a critical incident may stay unacknowledged before it is marked `UNACKED` and
  /// rings again, in seconds (the config's `escalate_after`).
  public var escalateAfterSeconds: Int64 = 300
  /// How long the log may go without a new line before the header says `FEED STALE`, in
  /// seconds (the config's `stale_after`).
  public var staleAfterSeconds: Int64 = 900
  /// Critical incidents already marked as escalated, so each rings once more, not every tick.
  var escalatedCriticals: Set<Symbol> = []
  /// The alert list and the length of its escalated prefix when escalations were last noted:
  /// a tick that finds the same has nothing new to note.
  var escalationMark: EscalationMark?
  /// The panes' live rows, kept in order between frames (shared by copies of the model: a
  /// memo, checked against the model on every read).
  let rowCache = RowCache()
  /// Rows that arrived above the first row a list shows, not yet scrolled into sight.
  var newAbove: [Pane: Set<Symbol>] = [:]
  /// The log was truncated or replaced and is being read again: how, and the figure it had.
  var pendingLogChange: (change: LogChange, movedBefore: Int64)?

  /// A decision being prepared, and the line that says what became of the last one.
  public var dialog: DecisionDialog?
  public var resultLine: String? {
    // A new message is timed from the next reading of the status clock.
    didSet { resultShownAt = nil }
  }
  /// When the status line's message appeared, on the monotonic status clock.
  var resultShownAt: Double?
  /// The monotonic status clock's last reading, in seconds.
  var statusClock: Double?
  /// Whether this console may decide at all: a replay may not (the roster may still refuse
  /// the officer).
  public var decisionsAllowed: Bool { replay == nil && feed.condition.acceptsDecisions }

  public var focus: Pane = .airlifts
  /// The airlifts pane's sort order (`s`).
  public var airliftOrder: AirliftOrder = .urgency
  /// Each list pane's selection (by identity), scroll offset and filter.
  public var panes = PaneStates()
  /// Whether the focused pane's filter is being typed.
  public var editingFilter = false
  public var overlay: Overlay?
  /// Critical incidents already announced, so each rings the bell once.
  public var announcedCriticals: Set<Symbol> = []
  /// Set while a replaced log is read again, so its incidents do not ring anew.
  public var quietCriticals = false
  /// Critical incidents announced in the last minute, highlighted.
  public var freshCriticals: [Symbol: Timestamp] = [:]

  public var themes: [Theme]
  public var themeIndex = 0
  public var theme: Theme { themes.isEmpty ? Theme.standard : themes[themeIndex % themes.count] }

  public init(
    timeline: Timeline, size: (width: Int, height: Int), now: Timestamp, operatorName: String,
    feed: FeedHealth, themes: [Theme] = [Theme.standard]
  ) {
    self.timeline = timeline
    self.state = timeline.current
    self.size = size
    self.now = now
    self.operatorName = operatorName
    self.feed = feed
    self.themes = themes
    announceCriticals(ring: false)
    resetEscalations()
    keepSelectionsVisible()
  }

  /// Marks open critical incidents not seen before; returns whether any is new. With
  /// `since`, an earlier revision of the state, looks only at the incidents changed since
  /// (when the journal reaches back that far).
  @discardableResult
  mutating func announceCriticals(ring: Bool, since earlier: UInt64? = nil) -> Bool {
    var any = false
    func look(_ symbol: Symbol, _ incident: Incident) {
      guard incident.severity == .critical, incident.status == .open,
        !announcedCriticals.contains(symbol)
      else { return }
      announcedCriticals.insert(symbol)
      if ring { freshCriticals[symbol] = now }
      any = true
    }
    if let earlier, let changes = state.changes.changes(since: earlier) {
      for entry in changes where entry.kind == .incident {
        if let incident = state.incidents[entry.symbol] { look(entry.symbol, incident) }
      }
    } else {
      state.incidents.forEachEntry { look($0, $1) }
    }
    return any && ring
  }
}

extension ConsoleModel {
  /// The selected airlift, facility and incident (the panes' selections).
  public var selectedAirlift: Symbol? {
    get { panes.airlifts.selected }
    set { panes.airlifts.selected = newValue }
  }
  public var selectedFacility: Symbol? {
    get { panes.occupancy.selected }
    set { panes.occupancy.selected = newValue }
  }
  public var selectedIncident: Symbol? {
    get { panes.incidents.selected }
    set { panes.incidents.selected = newValue }
  }

  /// The filter of a pane; nil when it is not filtered.
  public func filter(_ pane: Pane) -> String? { panes[pane].filter }
}

/// Where ``ConsoleModel/noteEscalations(ring:)`` last looked: the alert list's version and
/// how many of its alerts led as escalated.
struct EscalationMark: Equatable {
  var version: Int
  var prefix: Int
}
