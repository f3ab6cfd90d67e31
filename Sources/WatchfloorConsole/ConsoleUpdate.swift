import WatchfloorModel

extension ConsoleModel {
  /// Applies one message; returns what the run loop must do. Keys act at once; the view is
  /// drawn from the changed model.
  public mutating func update(_ message: ConsoleMessage) -> [ConsoleEffect] {
    switch message {
    case .key(let key):
      return handle(key)
    case .resize(let width, let height):
      size = (width, height)
      keepSelectionsVisible()
      return []
    case .tick(let time):
      // A replay's clock is its cursor, not the wall's.
      guard replay == nil else { return [] }
      now = time
      freshCriticals = freshCriticals.filter { time.seconds - $0.value.seconds < 60 }
      return []
    case .logAdvanced(let time):
      return absorbLog(at: time)
    case .feedNotice(let notice):
      feed.notice = notice
      return []
    case .decisionResult(let text):
      resultLine = text
      return []
    case .frame(let seconds):
      guard var replay else { return [] }
      let moved = replay.advance(toFrame: seconds)
      self.replay = replay
      if moved { showReplayCursor() }
      return []
    }
  }

  /// Starts over on a new timeline (the log was truncated or replaced and is read again).
  /// Incidents already on screen do not ring again when they are read back.
  public mutating func replaceTimeline(_ timeline: Timeline) {
    self.timeline = timeline
    state = timeline.current
    quietCriticals = true
    keepSelectionsVisible()
  }

  /// Takes the timeline's new state, keeping every selection on its item.
  private mutating func absorbLog(at time: Timestamp) -> [ConsoleEffect] {
    adopt(timeline.current)
    feed.lastLineAt = time
    if quietCriticals {
      // Re-reading a log that was replaced: what it holds was announced already.
      quietCriticals = false
      announcedCriticals = []
      announceCriticals(ring: false)
      return []
    }
    let ring = announceCriticals(ring: true)
    return ring && bellEnabled ? [.bell] : []
  }

  /// Shows `newState`, keeping every selection on its item.
  mutating func adopt(_ newState: OpsState) {
    let before = self
    state = newState
    var rowsByPane: [Pane: [Symbol]] = [:]
    for pane in Pane.allCases {
      let rows = rowSymbols(pane)
      rowsByPane[pane] = rows
      let selected = selection(pane)
      if let selected, rows.contains(selected) { continue }
      // The selected item left the pane (it landed, say): take its neighbour at the same place.
      let oldIndex = selected.flatMap { before.rowSymbols(pane).firstIndex(of: $0) } ?? 0
      select(rows.isEmpty ? nil : rows[min(oldIndex, rows.count - 1)], in: pane)
    }
    keepSelectionsVisible(rowsByPane)
  }

  private mutating func handle(_ key: Key) -> [ConsoleEffect] {
    if dialog != nil { return handleDialog(key) }
    if let overlay {
      switch (overlay, key) {
      case (_, .escape), (_, .enter), (_, .character("q")), (_, .backspace),
        (.help, .character("?")):
        self.overlay = nil
      default:
        break
      }
      return []
    }
    if editingFilter { return editFilter(key) }
    if let effects = handleReplayKey(key) { return effects }
    switch key {
    case .character("q"), .control("c"):
      return [.quit]
    case .tab:
      focus = Pane(rawValue: (focus.rawValue + 1) % Pane.allCases.count) ?? .airlifts
    case .backTab:
      focus =
        Pane(rawValue: (focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)
        ?? .airlifts
    case .down, .character("j"): move(by: 1)
    case .up, .character("k"): move(by: -1)
    case .pageDown, .control("f"): move(by: layout.visibleRows(focus))
    case .pageUp, .control("b"): move(by: -layout.visibleRows(focus))
    case .home, .character("g"): move(by: -Int.max / 2)
    case .end, .character("G"): move(by: Int.max / 2)
    case .enter:
      if let subject = detailSubject() { overlay = .detail(subject) }
    case .character("?"), .function(1):
      overlay = .help
    case .character("/"):
      editingFilter = true
    case .escape:
      filters[focus] = nil
      keepSelectionsVisible()
    case .character("t"):
      if !themes.isEmpty { themeIndex = (themeIndex + 1) % themes.count }
    case .character("a"): openDecision(.approve)
    case .character("d"): openDecision(.deny)
    case .character("h"): openDecision(.hold)
    default:
      break
    }
    return []
  }

  private mutating func editFilter(_ key: Key) -> [ConsoleEffect] {
    var text = filters[focus, default: ""]
    switch key {
    case .enter:
      editingFilter = false
    case .escape:
      text = ""
      editingFilter = false
    case .backspace:
      if !text.isEmpty { text.removeLast() }
    case .character(let character):
      text.append(character)
    case .control("c"):
      return [.quit]
    default:
      break
    }
    filters[focus] = text.isEmpty ? nil : text
    scroll[focus] = 0
    let rows = rowSymbols(focus)
    if let selected = selection(focus), rows.contains(selected) {
      keepSelectionsVisible()
      return []
    }
    select(rows.first, in: focus)
    return []
  }

  public var layout: ConsoleLayout {
    ConsoleLayout(
      width: size.width, height: size.height, bandHeight: replay == nil ? 0 : ReplayBand.height)
  }

  /// Moves the focused pane's selection by `delta` rows, clamped.
  private mutating func move(by delta: Int) {
    let rows = rowSymbols(focus)
    guard !rows.isEmpty else { return }
    let current = selection(focus).flatMap { rows.firstIndex(of: $0) } ?? 0
    let target = max(0, min(rows.count - 1, current.addingReportingOverflow(delta).partialValue))
    select(rows[target], in: focus)
    keepSelectionsVisible()
  }

  /// Selects a first row where none is, and scrolls each pane so its selection is visible.
  public mutating func keepSelectionsVisible() {
    keepSelectionsVisible([:])
  }

  /// The same, with the rows of the panes already at hand.
  private mutating func keepSelectionsVisible(_ known: [Pane: [Symbol]]) {
    for pane in Pane.allCases {
      let rows = known[pane] ?? rowSymbols(pane)
      if selection(pane) == nil || !rows.contains(selection(pane) ?? .none) {
        select(rows.first, in: pane)
      }
      let visible = layout.visibleRows(pane) - (pane == .occupancy ? 2 : 0)
      let index = selection(pane).flatMap { rows.firstIndex(of: $0) } ?? 0
      var top = scroll[pane, default: 0]
      if index < top { top = index }
      if index >= top + max(1, visible) { top = index - max(1, visible) + 1 }
      top = max(0, min(top, max(0, rows.count - max(1, visible))))
      scroll[pane] = top
    }
  }

  private func detailSubject() -> DetailSubject? {
    switch focus {
    case .airlifts: selectedAirlift.map(DetailSubject.airlift)
    case .occupancy: selectedFacility.map(DetailSubject.facility)
    case .incidents: selectedIncident.map(DetailSubject.incident)
    }
  }
}
