/// Colours and attributes for every ``Role``: what turns a ``Style`` into a
/// ``ResolvedStyle`` a terminal can show.
///
/// A theme lists the roles it defines. A role it leaves out borrows the style of its
/// ``Role/fallback`` (ending at `text`); colours a role leaves out come from `text`, so the
/// `text` background is the screen background. How a style is resolved depends on the
/// ``ColorMode``:
/// - colour modes: the theme's colours, downgraded to the nearest in the palette (see
///   ``XtermPalette``), with the theme's attributes and the drawing's. When a role ends up
///   with the same colours as `text` or as its ``Role/fallback`` in that palette, it also
///   gets its ``Role/monoAttributes``, so it stays distinguishable; when its foreground
///   ends up the colour of its own background, it is drawn in the `text` foreground, dim.
/// - ``ColorMode/monochrome``: no colours; each role gets its ``Role/monoAttributes``, plus
///   the drawing's attributes. A theme without any colour (like `mono`) uses its own
///   attributes instead, in every mode.
///
/// Resolution is precomputed for every role and mode when the theme is made, so
/// ``resolve(_:mode:)`` is two array reads.
public struct Theme: Hashable, Sendable {
  /// The theme's name: its file name without `.toml`.
  public let name: String
  /// The file's `description`, if it has one.
  public let summary: String?
  /// The roles the theme defines, as written.
  public let definitions: [Role: RoleStyle]
  /// Whether the theme sets no colour at all (attributes only).
  public let isMonochrome: Bool
  private let resolved: [ResolvedStyle]

  public init(name: String, summary: String? = nil, definitions: [Role: RoleStyle]) {
    self.name = name
    self.summary = summary
    self.definitions = definitions
    let monochrome = definitions.values.allSatisfy { $0.foreground == nil && $0.background == nil }
    isMonochrome = monochrome
    resolved = ColorMode.allCases.flatMap { mode in
      Theme.resolveRoles(definitions, monochrome: monochrome, mode: mode)
    }
  }

  /// Whether the theme itself defines `role` (rather than borrowing from a fallback).
  public func defines(_ role: Role) -> Bool {
    definitions[role] != nil
  }

  /// The style the theme gives `role`, after fallbacks and inheriting colours from `text`.
  public func style(for role: Role) -> RoleStyle {
    Theme.effectiveStyle(role, in: definitions)
  }

  /// How `style` is drawn in `mode`: the role's resolved colours and attributes, plus the
  /// style's own attributes.
  public func resolve(_ style: Style, mode: ColorMode) -> ResolvedStyle {
    let index = Theme.modeIndex(mode) * Role.allCases.count + Int(style.role.rawValue)
    var result = resolved[index]
    result.attributes.formUnion(style.attributes)
    return result
  }

  private static func modeIndex(_ mode: ColorMode) -> Int {
    switch mode {
    case .trueColor: 0
    case .palette256: 1
    case .palette8: 2
    case .monochrome: 3
    }
  }

  private static func effectiveStyle(_ role: Role, in definitions: [Role: RoleStyle])
    -> RoleStyle
  {
    var source: Role? = role
    var found = RoleStyle()
    while let current = source {
      if let definition = definitions[current] {
        found = definition
        break
      }
      source = current.fallback
    }
    let text = definitions[.text] ?? RoleStyle()
    return RoleStyle(
      foreground: found.foreground ?? text.foreground,
      background: found.background ?? text.background,
      attributes: found.attributes)
  }

  /// The resolved style of every role, in `Role` order, for one mode.
  private static func resolveRoles(
    _ definitions: [Role: RoleStyle], monochrome: Bool, mode: ColorMode
  ) -> [ResolvedStyle] {
    func convert(_ color: RGB?) -> TerminalColor? {
      guard let color else { return nil }
      switch mode {
      case .trueColor: return .rgb(color)
      case .palette256: return .indexed(XtermPalette.nearestIndex(to: color))
      case .palette8: return .basic(XtermPalette.nearestBasic(to: color))
      case .monochrome: return nil
      }
    }
    let textStyle = effectiveStyle(.text, in: definitions)
    let textForeground = convert(textStyle.foreground)
    let colors = Role.allCases.map { role in
      let style = effectiveStyle(role, in: definitions)
      var foreground = convert(style.foreground)
      let background = convert(style.background)
      var dimmed = false
      if foreground != nil && foreground == background && style.foreground != style.background {
        // Distinct colours merged into one: the text would vanish.
        foreground = textForeground
        dimmed = true
      }
      return (foreground, background, dimmed)
    }
    return Role.allCases.map { role in
      let style = effectiveStyle(role, in: definitions)
      if monochrome { return ResolvedStyle(attributes: style.attributes) }
      if mode == .monochrome { return ResolvedStyle(attributes: role.monoAttributes) }
      let (foreground, background, dimmed) = colors[Int(role.rawValue)]
      var result = ResolvedStyle(
        foreground: foreground, background: background, attributes: style.attributes)
      if dimmed { result.attributes.insert(.dim) }
      let lookalikes = [Role.text] + (role.fallback.map { [$0] } ?? [])
      for other in lookalikes where other != role {
        let (otherForeground, otherBackground, _) = colors[Int(other.rawValue)]
        if foreground == otherForeground && background == otherBackground {
          result.attributes.formUnion(role.monoAttributes)
        }
      }
      return result
    }
  }
}
