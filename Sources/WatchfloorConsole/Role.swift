/// What a piece of the screen means, as opposed to how it looks.
///
/// Drawing code names a role (and maybe extra ``TextAttributes``); the ``Theme`` decides the
/// colours. Each role has a name used as its key in theme files, a one-letter code used in
/// ``Canvas/roleLines()`` snapshots, a fallback role a theme borrows from when it leaves the
/// role out, and the attributes it gets when colours are off (``monoAttributes``).
///
/// | role            | theme key        | code | falls back to | without colour       |
/// |-----------------|------------------|------|---------------|----------------------|
/// | `text`          | `text`           | ` `  | (none)        | plain                |
/// | `dim`           | `dim`            | `d`  | `text`        | dim                  |
/// | `accent`        | `accent`         | `a`  | `text`        | bold                 |
/// | `ok`            | `ok`             | `o`  | `text`        | plain                |
/// | `warn`          | `warn`           | `w`  | `text`        | underline            |
/// | `danger`        | `danger`         | `D`  | `warn`        | bold, underline      |
/// | `critical`      | `critical`       | `C`  | `danger`      | bold, reverse        |
/// | `selection`     | `selection`      | `s`  | `text`        | reverse              |
/// | `barFill`       | `bar_fill`       | `b`  | `ok`          | plain                |
/// | `barInbound`    | `bar_inbound`    | `i`  | `barFill`     | dim                  |
/// | `barOver`       | `bar_over`       | `O`  | `danger`      | bold                 |
/// | `barEmpty`      | `bar_empty`      | `e`  | `dim`         | dim                  |
/// | `border`        | `border`         | `l`  | `dim`         | plain                |
/// | `borderFocused` | `border_focused` | `L`  | `accent`      | bold                 |
/// | `header`        | `header`         | `h`  | `text`        | reverse              |
/// | `footer`        | `footer`         | `f`  | `header`      | reverse              |
/// | `title`         | `title`          | `t`  | `accent`      | bold                 |
/// | `key`           | `key`            | `k`  | `accent`      | bold                 |
///
/// Colour must never be the only carrier of a state: panes also use glyphs, and the
/// attributes above keep `warn`, `danger`, `critical` and `selection` apart on a monochrome
/// terminal.
public enum Role: UInt8, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// Ordinary text; its background is the screen background.
  case text
  /// Secondary information: ages, units, separators, disabled items.
  case dim
  /// Emphasis without a judgement: identifiers, the focused pane's highlights.
  case accent
  /// A good or normal state.
  case ok
  /// Needs attention soon.
  case warn
  /// Wrong now: over capacity, blocked, failed.
  case danger
  /// Needs action at once: a critical incident, a facility far over capacity.
  case critical
  /// The selected row.
  case selection
  /// The filled part of an occupancy bar, below capacity.
  case barFill
  /// The part of a bar for detainees still in flight (inbound).
  case barInbound
  /// The part of a bar beyond capacity.
  case barOver
  /// The empty track of a bar.
  case barEmpty
  /// Pane borders.
  case border
  /// The border of the focused pane.
  case borderFocused
  /// The header bar.
  case header
  /// The footer bar with key hints.
  case footer
  /// Pane and dialog titles.
  case title
  /// Key names in hints and help ("q", "Enter").
  case key

  /// The key naming this role in theme files (snake case, e.g. `bar_fill`).
  public var themeKey: String {
    switch self {
    case .text: "text"
    case .dim: "dim"
    case .accent: "accent"
    case .ok: "ok"
    case .warn: "warn"
    case .danger: "danger"
    case .critical: "critical"
    case .selection: "selection"
    case .barFill: "bar_fill"
    case .barInbound: "bar_inbound"
    case .barOver: "bar_over"
    case .barEmpty: "bar_empty"
    case .border: "border"
    case .borderFocused: "border_focused"
    case .header: "header"
    case .footer: "footer"
    case .title: "title"
    case .key: "key"
    }
  }

  /// The role whose theme key is `key`, or nil when no role has that key.
  public init?(themeKey key: String) {
    guard let role = Role.allCases.first(where: { $0.themeKey == key }) else { return nil }
    self = role
  }

  /// The one-character code of this role in ``Canvas/roleLines()`` (a space for `text`).
  public var code: Character {
    switch self {
    case .text: " "
    case .dim: "d"
    case .accent: "a"
    case .ok: "o"
    case .warn: "w"
    case .danger: "D"
    case .critical: "C"
    case .selection: "s"
    case .barFill: "b"
    case .barInbound: "i"
    case .barOver: "O"
    case .barEmpty: "e"
    case .border: "l"
    case .borderFocused: "L"
    case .header: "h"
    case .footer: "f"
    case .title: "t"
    case .key: "k"
    }
  }

  /// The role a theme borrows from when it does not define this one; nil only for `text`.
  /// Following fallbacks always ends at `text`.
  public var fallback: Role? {
    switch self {
    case .text: nil
    case .dim, .accent, .ok, .warn, .selection, .header: .text
    case .danger: .warn
    case .critical: .danger
    case .barFill: .ok
    case .barInbound: .barFill
    case .barOver: .danger
    case .barEmpty, .border: .dim
    case .borderFocused, .title, .key: .accent
    case .footer: .header
    }
  }

  /// The attributes this role gets when colours are off (`NO_COLOR`, a monochrome terminal)
  /// or when a reduced palette makes its colours identical to those of `text` or of its
  /// ``fallback``.
  /// `themes/mono.toml` spells out the same table.
  public var monoAttributes: TextAttributes {
    switch self {
    case .text, .ok, .barFill, .border: []
    case .dim, .barInbound, .barEmpty: .dim
    case .accent, .barOver, .borderFocused, .title, .key: .bold
    case .warn: .underline
    case .danger: [.bold, .underline]
    case .critical: [.bold, .reverse]
    case .selection, .header, .footer: .reverse
    }
  }

  public var description: String { themeKey }
}
