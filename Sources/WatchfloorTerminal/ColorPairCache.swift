import WatchfloorConsole

/// The colours of one ncurses colour pair: what ``ColorPairCache`` is keyed by.
///
/// nil is the terminal's default colour (ncurses' `-1` after `use_default_colors`).
public struct ColorPairKey: Hashable, Sendable {
  public var foreground: TerminalColor?
  public var background: TerminalColor?

  public init(foreground: TerminalColor?, background: TerminalColor?) {
    self.foreground = foreground
    self.background = background
  }

  /// The colours of `style`; its attributes do not matter (they are not part of a pair).
  public init(_ style: ResolvedStyle) {
    self.init(foreground: style.foreground, background: style.background)
  }

  /// Default on default: ncurses' pair 0, which always exists.
  public static let terminalDefault = ColorPairKey(foreground: nil, background: nil)
}

/// Colour pair numbers allocated on demand, one per distinct ``ColorPairKey``.
///
/// Pure bookkeeping: the caller defines a pair in ncurses when ``pair(for:)`` answers
/// ``Lookup/created(_:)``. Pair 0 is the terminal default and is never allocated; pairs
/// 1, 2, 3... are handed out in order of first use, up to `pairLimit - 1` (ncurses'
/// `COLOR_PAIRS` is the limit).
///
/// When the pairs run out, a new key gets the existing pair nearest to it (answered as
/// ``Lookup/fallback(_:)`` and remembered): the smallest sum of the foreground and background
/// distances, where two colours are as far apart as their sRGB values (squared Euclidean,
/// as ``XtermPalette`` measures), a default colour is at distance 0 from a default colour and
/// at the largest possible distance (3 x 255²) from any other, and ties go to the lower pair.
/// Pair 0 takes part, so a key far from every pair falls back to the default colours.
///
/// Complexity: ``pair(for:)`` is O(1) for a known key, O(pairs) for a fallback.
public struct ColorPairCache: Sendable {
  /// What ``pair(for:)`` found.
  public enum Lookup: Hashable, Sendable {
    /// The key already had this pair.
    case existing(Int32)
    /// A new pair for the key: the caller must define it (init_extended_pair).
    case created(Int32)
    /// The pairs ran out; the nearest existing pair is used.
    case fallback(Int32)

    /// The pair number to draw with.
    public var pair: Int32 {
      switch self {
      case .existing(let pair), .created(let pair), .fallback(let pair): pair
      }
    }
  }

  /// Pairs available for allocation: `pairLimit - 1`, at least 0.
  public let capacity: Int
  private var pairs: [ColorPairKey: Int32] = [.terminalDefault: 0]
  /// The key of each pair, indexed by pair number (index 0 is the default pair).
  private var keys: [ColorPairKey] = [.terminalDefault]
  private var fallbacks: [ColorPairKey: Int32] = [:]

  /// A cache for a terminal with `pairLimit` colour pairs (ncurses' `COLOR_PAIRS`,
  /// counting pair 0).
  public init(pairLimit: Int) {
    capacity = max(0, pairLimit - 1)
  }

  /// Pairs allocated so far (pair 0 not counted).
  public var allocatedCount: Int { keys.count - 1 }

  /// The pair for `key`, allocating one if there is room. See the type's documentation for
  /// what happens when there is not.
  public mutating func pair(for key: ColorPairKey) -> Lookup {
    if let pair = pairs[key] { return .existing(pair) }
    if let pair = fallbacks[key] { return .fallback(pair) }
    if allocatedCount < capacity {
      let pair = Int32(keys.count)
      pairs[key] = pair
      keys.append(key)
      return .created(pair)
    }
    var best: Int32 = 0
    var bestDistance = Int.max
    for (index, candidate) in keys.enumerated() {
      let distance =
        Self.distance(key.foreground, candidate.foreground)
        + Self.distance(key.background, candidate.background)
      if distance < bestDistance {
        best = Int32(index)
        bestDistance = distance
      }
    }
    fallbacks[key] = best
    return .fallback(best)
  }

  /// Forgets every pair (for a new theme): numbering starts again at 1.
  public mutating func removeAll() {
    self = ColorPairCache(pairLimit: capacity + 1)
  }

  /// The distance of a default colour from a real one: the largest sRGB distance.
  static let defaultDistance = 3 * 255 * 255

  static func distance(_ first: TerminalColor?, _ second: TerminalColor?) -> Int {
    switch (first, second) {
    case (nil, nil): return 0
    case (let first?, let second?):
      return first.approximateRGB.distanceSquared(to: second.approximateRGB)
    default: return defaultDistance
    }
  }
}

extension TerminalColor {
  /// The colour as xterm shows it by default: palette indexes and basic colours through
  /// ``XtermPalette``.
  var approximateRGB: RGB {
    switch self {
    case .rgb(let color): color
    case .indexed(let index): XtermPalette.color(ofIndex: index)
    case .basic(let basic): XtermPalette.basicColors[Int(basic.rawValue)]
    }
  }
}
