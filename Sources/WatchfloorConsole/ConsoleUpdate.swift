import WatchfloorModel

extension ConsoleModel {
  /// Applies one message; returns what the run loop must do. Keys act at once; the view is
  /// drawn from the changed model.
  public mutating func update(_ message: ConsoleMessage) -> [ConsoleEffect] {
    // An error stays on the status line until the next key.
    if case .key = message, let resultLine, StatusMessage.isError(resultLine) {
      self.resultLine = nil
    }
    let effects = apply(message)
    if resultLine != nil && resultShownAt == nil { resultShownAt = statusClock }
    forgetNewRowsInSight()
    return effects
  }

  private mutating func apply(_ message: ConsoleMessage) -> [ConsoleEffect] {
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
      return noteEscalations(ring: true) && bellEnabled ? [.bell] : []
    case .statusClock(let seconds):
      statusClock = seconds
      expireStatusMessage()
      return []
    case .logAdvanced(let time):
      return absorbLog(at: time)
    case .feedNotice(let notice):
      feed.notice = notice
      return []
    case .feedCondition(let condition):
      feed.condition = condition
      return []
    case .logReplaced(let timeline, let change):
      pendingLogChange = (change, state.moved)
      replaceTimeline(timeline)
      feed.condition = .open
      feed.notice = "log \(change.word): reading it again"
      return []
    case .decisionResult(let text):
      resultLine = text
      return []
    case .frame(let seconds):
      monotonicSeconds = seconds
      releaseHeldRows(at: seconds)
      guard var replay else { return [] }
      let moved = replay.advance(toFrame: seconds)
      self.replay = replay
      if moved { showReplayCursor() }
      return []
    }
  }

  /// Starts over on a new timeline (the log was truncated or replaced and is read again).
  /// Incidents already on screen do not ring again when they are read back.
  private mutating func replaceTimeline(_ timeline: Timeline) {
    self.timeline = timeline
    state = timeline.current
    // The held orders name the old log's symbols.
    releaseAllHeldRows()
    if case .detail(let history) = overlay {
      overlay = .detail(DetailHistory(history.subject, timeline: timeline))
    }
    quietCriticals = true
    keepSelectionsVisible()
  }

  /// Takes the timeline's new state, keeping every selection on its item.
  private mutating func absorbLog(at time: Timestamp) -> [ConsoleEffect] {
    let earlier = state.changes.revision
    adopt(timeline.current)
    if case .detail(var history) = overlay {
      history.extend(timeline)
      overlay = .detail(history)
    }
    feed.lastLineAt = time
    if let change = pendingLogChange {
      // Say what the change did to the floor's figure: `log replaced: moved 2,418 → 1,295`.
      pendingLogChange = nil
      let grouped = CountText.grouped
      feed.notice =
        "log \(change.change.word): moved \(grouped(change.movedBefore)) → \(grouped(state.moved))"
    }
    if quietCriticals {
      // Re-reading a log that was replaced: what it holds was announced already.
      quietCriticals = false
      announcedCriticals = []
      announceCriticals(ring: false)
      resetEscalations()
      return []
    }
    let announced = announceCriticals(ring: true, since: earlier)
    let escalated = noteEscalations(ring: true)
    return (announced || escalated) && bellEnabled ? [.bell] : []
  }

  /// Shows `newState`, keeping every selection on its item (or, when the item left the
  /// pane, on its neighbour at the same place).
  mutating func adopt(_ newState: OpsState) {
    // The rows before, as they were: the lists' arrays (not copies: the row cache copies an
    // array only when it changes one held here), and which of the items the journal says
    // changed were listed then.
    let before = paneRows().symbols
    let changes = newState.changes.changes(since: state.changes.revision)
    var listedBefore: [Pane: Set<Symbol>] = [:]
    if let changes {
      for pane in [Pane.airlifts, .incidents] {
        let kind: ChangeJournal.Kind = pane == .airlifts ? .airlift : .incident
        let rows = before[pane] ?? []
        listedBefore[pane] = Set(
          changes.filter { $0.kind == kind }.map(\.symbol).filter {
            rowIndex(pane, of: $0, in: rows) != nil
          })
      }
    }
    state = newState
    // The rows and the layout once for all three panes (a replay's seek lands here).
    let rows = paneRows()
    let layout = layout(for: rows)
    let after = rows.symbols
    for pane in Pane.allCases {
      let symbols = after[pane] ?? []
      let previous = before[pane] ?? []
      let visible = visibleRows(pane, layout: layout, rows: rows)
      if let selected = panes[pane].selected, rowIndex(pane, of: selected, in: symbols) == nil {
        panes[pane].follow(symbols, previous: previous)
      } else {
        panes[pane].follow(symbols)
      }
      panes[pane].scroll(in: symbols, visible: visible)
      guard pane != .occupancy && firstShownRow(pane, rows: symbols, visible: visible) > 0
      else { continue }
      if let changes, let listed = listedBefore[pane] {
        // Only an item the journal names can have arrived.
        let kind: ChangeJournal.Kind = pane == .airlifts ? .airlift : .incident
        let arrived = Set(changes.filter { $0.kind == kind }.map(\.symbol)).subtracting(
          listed)
        noteNewRowsAbove(pane, rows: symbols, visible: visible, arrived: arrived)
      } else {
        noteNewRowsAbove(pane, rows: symbols, visible: visible, previous: previous)
      }
    }
  }

  private mutating func handle(_ key: Key) -> [ConsoleEffect] {
    if dialog != nil { return handleDialog(key) }
    if let overlay {
      switch (overlay, key) {
      case (_, .escape), (_, .enter), (_, .character("q")), (_, .backspace),
        (.help, .character("?")):
        self.overlay = nil
      case (.detail(let history), _):
        scrollDetail(history, key)
      default:
        break
      }
      return []
    }
    if editingFilter { return editFilter(key) }
    if replay?.timeEntry != nil { return enterTime(key) }
    guard let action = KeyMap.action(for: key, replay: replay != nil, focus: focus) else {
      return []
    }
    if replay != nil, performReplay(action) { return [] }
    return perform(action)
  }

  /// Does what the key map says a key does.
  private mutating func perform(_ action: ConsoleAction) -> [ConsoleEffect] {
    let count = Pane.allCases.count
    switch action {
    case .quit:
      return [.quit]
    case .nextPane:
      focus = Pane(rawValue: (focus.rawValue + 1) % count) ?? .airlifts
    case .previousPane:
      focus = Pane(rawValue: (focus.rawValue + count - 1) % count) ?? .airlifts
    case .down: move(by: 1)
    case .up: move(by: -1)
    case .pageDown: move(by: visibleRows(focus))
    case .pageUp: move(by: -visibleRows(focus))
    case .first: move(by: -Int.max / 2)
    case .last: move(by: Int.max / 2)
    case .details:
      if let subject = detailSubject() {
        overlay = .detail(DetailHistory(subject, timeline: timeline))
      }
    case .help:
      overlay = .help
    case .filter:
      editingFilter = true
    case .clearFilter:
      panes[focus].filter = nil
      panes[focus].held = nil
      keepSelectionsVisible()
    case .nextTheme:
      if !themes.isEmpty { themeIndex = (themeIndex + 1) % themes.count }
    case .jumpToAlert: jumpToAlert()
    case .nextOrder:
      // A new order is asked for: it applies now, nothing is held against it.
      airliftOrder = airliftOrder.next
      panes.airlifts.held = nil
      keepSelectionsVisible()
    case .approve: openDecision(.approve)
    case .deny: openDecision(.deny)
    case .hold: openDecision(.hold)
    case .cancel: openDecision(.cancel)
    case .divert: openDecision(.divert)
    case .playPause, .faster, .slower, .stepForward, .stepBack, .hourForward, .hourBack,
      .nextNotable, .previousNotable, .goToTime, .dayStart, .dayEnd:
      break
    }
    return []
  }

  /// The detail view's keys: a line (↑ ↓ j k), a page (PgUp PgDn), the top and the end
  /// (Home End g G).
  private mutating func scrollDetail(_ history: DetailHistory, _ key: Key) {
    let lines = detailWrapped(history).lines.count
    let page = max(1, Self.detailRect(width: size.width, height: size.height).text.height - 1)
    var history = history
    let current = detailOffset(history, lines: lines)
    switch key {
    case .down, .character("j"): history.offset = current + 1
    case .up, .character("k"): history.offset = current - 1
    case .pageDown, .control("f"), .character(" "): history.offset = current + page
    case .pageUp, .control("b"): history.offset = current - page
    case .home, .character("g"): history.offset = 0
    case .end, .character("G"): history.offset = lines
    default: return
    }
    history.offset = detailOffset(history, lines: lines)
    overlay = .detail(history)
  }

  private mutating func editFilter(_ key: Key) -> [ConsoleEffect] {
    var text = panes[focus].filter ?? ""
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
    panes[focus].filter = text.isEmpty ? nil : text
    panes[focus].offset = 0
    // A filter is a deliberate change of the rows: nothing is held against it.
    panes[focus].held = nil
    keepSelectionsVisible()
    return []
  }

  /// The rows of `pane` in sight at once, as the view draws them.
  func visibleRows(_ pane: Pane) -> Int {
    let rows = paneRows()
    return visibleRows(pane, layout: layout(for: rows), rows: rows)
  }

  /// The same, with the layout and the rows at hand.
  func visibleRows(_ pane: Pane, layout: ConsoleLayout, rows: PaneRows) -> Int {
    let rect = layout.rect(pane)
    guard pane == .occupancy else { return Self.listRows(rect) }
    return occupancyViewport(
      rect, rows: rows.facilities,
      twoLines: occupancyUsesTwoLines(rect, rows: rows.facilities)
    ).visible
  }

  /// Moves the focused pane's selection by `delta` rows, clamped, and holds the pane's rows
  /// still for ``HeldOrder/seconds`` so the next key lands where the officer aims.
  private mutating func move(by delta: Int) {
    let rows = rowSymbols(focus)
    let visible = visibleRows(focus)
    let current = panes[focus].selected.flatMap { rowIndex(focus, of: $0, in: rows) }
    panes[focus].move(by: delta, in: rows, from: current, visible: visible)
    holdRows(focus, order: rows)
  }

  /// Selects a first row where none is, and scrolls each pane so its selection is in sight.
  public mutating func keepSelectionsVisible() {
    let rows = paneRows()
    let layout = layout(for: rows)
    let symbols = rows.symbols
    for pane in Pane.allCases {
      let paneSymbols = symbols[pane] ?? []
      panes[pane].follow(paneSymbols)
      panes[pane].scroll(in: paneSymbols, visible: visibleRows(pane, layout: layout, rows: rows))
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
