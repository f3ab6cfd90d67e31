/// How a cell is drawn, in terms the theme resolves: a ``Role`` plus extra attributes.
///
/// Two bytes; comparing and copying styles is free. The attributes here are added to the
/// ones the theme gives the role (see ``Theme/resolve(_:mode:)``).
public struct Style: Hashable, Sendable, CustomStringConvertible {
  public var role: Role
  public var attributes: TextAttributes

  public init(_ role: Role = .text, _ attributes: TextAttributes = []) {
    self.role = role
    self.attributes = attributes
  }

  /// Plain text: the style of an empty canvas.
  public static let text = Style(.text)

  /// This style with `extra` attributes added.
  public func adding(_ extra: TextAttributes) -> Style {
    Style(role, attributes.union(extra))
  }

  /// The role name, followed by the attributes when there are any: `danger+bold`.
  public var description: String {
    attributes.isEmpty ? role.themeKey : "\(role.themeKey)+\(attributes)"
  }
}
