/// A colour as a terminal in some ``ColorMode`` is told to show it.
public enum TerminalColor: Hashable, Sendable {
  /// A 24-bit colour (``ColorMode/trueColor``).
  case rgb(RGB)
  /// An xterm-256 palette index in 16...255 (``ColorMode/palette256``).
  case indexed(UInt8)
  /// One of the 8 basic colours (``ColorMode/palette8``).
  case basic(BasicColor)

  /// The SGR parameters selecting this colour as foreground, or as background.
  func sgrParameters(background: Bool) -> String {
    switch self {
    case .rgb(let color):
      return "\(background ? 48 : 38);2;\(color.red);\(color.green);\(color.blue)"
    case .indexed(let index):
      return "\(background ? 48 : 38);5;\(index)"
    case .basic(let basic):
      return "\((background ? 40 : 30) + Int(basic.rawValue))"
    }
  }
}

/// A ``Style`` as the terminal draws it in one theme and colour mode: what a backend needs.
public struct ResolvedStyle: Hashable, Sendable {
  /// The foreground, or nil for the terminal's default.
  public var foreground: TerminalColor?
  /// The background, or nil for the terminal's default.
  public var background: TerminalColor?
  public var attributes: TextAttributes

  public init(
    foreground: TerminalColor? = nil, background: TerminalColor? = nil,
    attributes: TextAttributes = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// The SGR escape that sets exactly this style from any state: `ESC[0;...m`, starting with
  /// a reset, then bold 1, dim 2, underline 4, reverse 7, the foreground, the background.
  /// A plain style gives `ESC[0m`.
  public var sgr: String {
    var parameters = ["0"]
    if attributes.contains(.bold) { parameters.append("1") }
    if attributes.contains(.dim) { parameters.append("2") }
    if attributes.contains(.underline) { parameters.append("4") }
    if attributes.contains(.reverse) { parameters.append("7") }
    if let foreground { parameters.append(foreground.sgrParameters(background: false)) }
    if let background { parameters.append(background.sgrParameters(background: true)) }
    return "\u{1B}[" + parameters.joined(separator: ";") + "m"
  }

  /// Whether the style is the terminal default (no colours, no attributes).
  public var isPlain: Bool { foreground == nil && background == nil && attributes.isEmpty }
}
