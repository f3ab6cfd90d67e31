/// What a key asks the console to do.
public enum ConsoleAction: Hashable, Sendable {
  case quit, nextPane, previousPane
  case down, up, pageDown, pageUp, first, last
  case details, help, filter, clearFilter, nextTheme
  /// `!`: the incident on the alert line (again: the next alert).
  case jumpToAlert
  /// `s`: the airlifts pane's next sort order.
  case nextOrder
  /// `a`: approve the airlift, or acknowledge the incident.
  case approve
  case deny, hold
  /// `c` cancel and `r` reroute (divert) the airlift.
  case cancel, divert
  // The replay's own.
  case playPause, faster, slower, stepForward, stepBack, hourForward, hourBack
  case nextNotable, previousNotable, goToTime, dayStart, dayEnd
}

/// One line of the key map: the keys, what they do, and how the help and the footer say it.
public struct KeyBinding: Sendable {
  /// Where a binding works.
  public enum Scope: Sendable {
    case live, replay, both
  }

  public var keys: [Key]
  /// The keys as the help and the footer name them: `↑↓ jk`.
  public var label: String
  public var action: ConsoleAction
  /// The help overlay's words.
  public var help: String
  /// The footer's word, or nil when the footer does not show it.
  public var hint: String?
  /// The keys as the footer names them, shorter than the help's.
  public var hintKeys: String
  public var scope: Scope
  /// The panes it works in; empty: every pane.
  public var panes: [Pane]
  /// The footer's order of giving way: the higher, the longer the hint stays.
  public var hintPriority: Int

  init(
    _ keys: [Key], _ label: String, _ action: ConsoleAction, help: String, hint: String? = nil,
    hintKeys: String? = nil, scope: Scope = .both, panes: [Pane] = [], hintPriority: Int = 50
  ) {
    self.keys = keys
    self.label = label
    self.hintKeys = hintKeys ?? label
    self.action = action
    self.help = help
    self.hint = hint
    self.scope = scope
    self.panes = panes
    self.hintPriority = hintPriority
  }

  func applies(replay: Bool, focus: Pane) -> Bool {
    let inScope =
      switch scope {
      case .both: true
      case .live: !replay
      case .replay: replay
      }
    return inScope && (panes.isEmpty || panes.contains(focus))
  }
}

/// The console's keys, in one list: `update` finds actions in it, the footer its hints and
/// the help overlay its lines, so the three cannot drift apart.
public enum KeyMap {
  public static let bindings: [KeyBinding] = [
    KeyBinding(
      [.character(" ")], "Space", .playPause, help: "play / pause", hint: "play/pause",
      scope: .replay, hintPriority: 70),
    KeyBinding(
      [.character("+"), .character("="), .character("-")], "+ -", .faster,
      help: "speed: 1× 10× 60× 600× 3600×", hint: "speed", hintKeys: "+-", scope: .replay,
      hintPriority: 40),
    KeyBinding(
      [.right, .character(".")], "→ .  ← ,", .stepForward,
      help: "one event forward / back (hold to scrub)", hint: "step", hintKeys: "←→",
      scope: .replay,
      hintPriority: 60),
    KeyBinding(
      [.character("]")], "] [", .hourForward, help: "an hour forward / back", hint: "hour",
      hintKeys: "[]",
      scope: .replay, hintPriority: 30),
    KeyBinding(
      [.character("n")], "n N", .nextNotable, help: "next / previous decision or incident",
      hint: "decision/incident", hintKeys: "nN", scope: .replay, hintPriority: 35),
    KeyBinding(
      [.character("g")], "g", .goToTime, help: "go to a time (HH:MM, HH:MM:SS, RFC 3339)",
      hint: "go to", scope: .replay, hintPriority: 45),
    KeyBinding(
      [.home], "Home End", .dayStart, help: "the day's first / last event", scope: .replay),
    KeyBinding(
      [.down, .character("j")], "↑↓ jk", .down, help: "move the selection", hint: "move",
      hintKeys: "↑↓",
      hintPriority: 65),
    KeyBinding(
      [.pageDown, .control("f")], "PgUp PgDn  ^B ^F", .pageDown, help: "move a page"),
    KeyBinding(
      [.home, .character("g")], "Home End  g G", .first, help: "first / last row",
      scope: .live),
    KeyBinding(
      [.tab], "Tab  Shift-Tab", .nextPane, help: "next / previous pane", hint: "pane",
      hintKeys: "Tab",
      hintPriority: 60),
    KeyBinding(
      [.enter], "Enter", .details, help: "full history of the selected item", hint: "details",
      hintPriority: 55),
    KeyBinding(
      [.character("!")], "!", .jumpToAlert,
      help: "go to the alert's incident (again: the next alert)",
      hint: jumpToAlertHint, hintPriority: 85),
    KeyBinding(
      [.character("/")], "/", .filter, help: "filter the focused pane (Enter keeps, Esc clears)",
      hint: "filter", hintPriority: 45),
    KeyBinding(
      [.escape], "Esc", .clearFilter, help: "clear the filter, close a view"),
    KeyBinding(
      [.character("s")], "s", .nextOrder,
      help: "sort the airlifts: urgency, ETD, destination, detainees", hint: "sort",
      panes: [.airlifts], hintPriority: 25),
    KeyBinding(
      [.character("a")], "a", .approve, help: "approve the airlift / acknowledge the incident",
      hint: "approve", panes: [.airlifts], hintPriority: 80),
    KeyBinding(
      [.character("a")], "a", .approve, help: "approve the airlift / acknowledge the incident",
      hint: "acknowledge", panes: [.incidents], hintPriority: 80),
    KeyBinding(
      [.character("d")], "d  h", .deny, help: "deny / hold the airlift (with a reason)",
      hint: "deny/hold", hintKeys: "d h", panes: [.airlifts], hintPriority: 75),
    KeyBinding(
      [.character("c")], "c  r", .cancel,
      help: "cancel (with a reason) / divert the airlift",
      hint: "cancel/divert", hintKeys: "c r", panes: [.airlifts], hintPriority: 5),
    KeyBinding(
      [.character("t")], "t", .nextTheme, help: "next theme", hint: "theme", hintPriority: 20),
    KeyBinding(
      [.character("?"), .function(1)], "?  F1", .help, help: "this help", hint: "help",
      hintKeys: "?",
      hintPriority: 100),
    KeyBinding(
      [.character("q"), .control("c")], "q  Ctrl-C", .quit, help: "quit", hint: "quit",
      hintKeys: "q",
      hintPriority: 100),
  ]

  /// The footer's word for `!`, shown only while there is an alert.
  static let jumpToAlertHint = "alert"

  /// Keys that share a line of the help with another binding: the second key of a pair.
  static let companions: [(Key, ConsoleAction, KeyBinding.Scope)] = [
    (.character("-"), .slower, .replay),
    (.left, .stepBack, .replay), (.character(","), .stepBack, .replay),
    (.character("["), .hourBack, .replay),
    (.character("N"), .previousNotable, .replay),
    (.end, .dayEnd, .replay),
    (.up, .up, .both), (.character("k"), .up, .both),
    (.pageUp, .pageUp, .both), (.control("b"), .pageUp, .both),
    (.end, .last, .live), (.character("G"), .last, .both),
    (.backTab, .previousPane, .both),
    (.character("h"), .hold, .both),
    (.character("r"), .divert, .both),
  ]

  /// What `key` does in a replay or live, with `focus` on a pane; nil when nothing.
  public static func action(for key: Key, replay: Bool, focus: Pane) -> ConsoleAction? {
    for (companion, action, scope) in companions where companion == key {
      if scope == .both || (scope == .replay) == replay {
        if (action == .hold || action == .divert) && focus != .airlifts { return nil }
        return action
      }
    }
    for binding in bindings where binding.keys.contains(key) {
      guard binding.applies(replay: replay, focus: focus) else { continue }
      // `-` is the companion of `+`, listed above; a binding's own keys otherwise.
      return binding.action
    }
    return nil
  }

  /// The help overlay's lines for a replay or live: each label once, in the map's order.
  public static func helpLines(replay: Bool) -> [(keys: String, help: String)] {
    var seen: Set<String> = []
    var lines: [(keys: String, help: String)] = []
    for binding in bindings where binding.scope == .both || (binding.scope == .replay) == replay {
      // A replay's decision keys only say it is read-only: its help leaves them out.
      if replay && decisions.contains(binding.action) { continue }
      guard seen.insert(binding.label).inserted else { continue }
      lines.append((binding.label, binding.help))
    }
    return lines
  }

  /// The actions that write a decision: they work in a replay only to say it is read-only,
  /// so the replay's footer leaves them out.
  static let decisions: Set<ConsoleAction> = [.approve, .deny, .hold, .cancel, .divert]

  /// The key that takes `action`, as a user types it (`h`), from the map itself: the first
  /// character key of its binding or companion.
  public static func key(for action: ConsoleAction) -> String? {
    let keys =
      bindings.filter { $0.action == action }.flatMap(\.keys)
      + companions.filter { $0.1 == action }.map(\.0)
    for key in keys {
      if case .character(let character) = key { return String(character) }
    }
    return nil
  }

  /// The footer's hints for a replay or live with `focus` on a pane, each with its priority.
  public static func hints(replay: Bool, focus: Pane) -> [(
    key: String, hint: String, priority: Int
  )] {
    bindings.compactMap { binding in
      guard let hint = binding.hint, binding.applies(replay: replay, focus: focus),
        !(replay && decisions.contains(binding.action))
      else {
        return nil
      }
      return (binding.hintKeys, hint, binding.hintPriority)
    }
  }
}
