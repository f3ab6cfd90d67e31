/// How a theme draws one role: colours and attributes, each optional.
///
/// In a theme file: `danger = { fg = "#ff5555", bg = "#000000", bold = true }` or just
/// `danger = "#ff5555"`. Colours left out come from the `text` role; nil there means the
/// terminal's default.
public struct RoleStyle: Hashable, Sendable {
  public var foreground: RGB?
  public var background: RGB?
  public var attributes: TextAttributes

  public init(foreground: RGB? = nil, background: RGB? = nil, attributes: TextAttributes = []) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }
}
