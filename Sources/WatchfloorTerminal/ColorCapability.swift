import WatchfloorConsole

/// What the terminal's colour support allows, as ncurses reports it after `start_color`.
///
/// A pure value, so the choice of colour mode is tested without a terminal.
public struct ColorCapability: Hashable, Sendable {
  /// `has_colors()`.
  public var hasColors: Bool
  /// `COLORS`: the palette size.
  public var colors: Int
  /// `COLOR_PAIRS`, counting pair 0.
  public var pairs: Int
  /// `can_change_color()`: palette entries can be redefined.
  public var canChangeColors: Bool
  /// `use_default_colors()` succeeded: -1 means the terminal's own colours.
  public var hasDefaultColors: Bool

  public init(
    hasColors: Bool, colors: Int, pairs: Int, canChangeColors: Bool, hasDefaultColors: Bool
  ) {
    self.hasColors = hasColors
    self.colors = colors
    self.pairs = pairs
    self.canChangeColors = canChangeColors
    self.hasDefaultColors = hasDefaultColors
  }

  /// A terminal without colour.
  public static let monochrome = ColorCapability(
    hasColors: false, colors: 0, pairs: 0, canChangeColors: false, hasDefaultColors: false)

  /// The mode to draw in when `requested` is asked for: never more than the terminal has.
  /// - no colour support, fewer than 8 colours or fewer than 2 pairs: `.monochrome`;
  /// - `.trueColor` needs at least 256 colours that can be redefined (24-bit colours are
  ///   then shown by redefining palette entries 16 and up); with 256 fixed colours it
  ///   becomes `.palette256`, with fewer `.palette8`;
  /// - `.palette256` needs 256 colours, else `.palette8`;
  /// - `.palette8` and `.monochrome` stay as they are.
  public func mode(for requested: ColorMode) -> ColorMode {
    guard hasColors, colors >= 8, pairs >= 2 else { return .monochrome }
    switch requested {
    case .monochrome: return .monochrome
    case .palette8: return .palette8
    case .palette256: return colors >= 256 ? .palette256 : .palette8
    case .trueColor:
      if colors >= 256 && canChangeColors { return .trueColor }
      return colors >= 256 ? .palette256 : .palette8
    }
  }
}
