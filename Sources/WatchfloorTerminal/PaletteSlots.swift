import WatchfloorConsole

/// Palette entries a truecolour frame redefines (ncurses' `init_extended_color`), one per
/// distinct 24-bit colour: pure bookkeeping, like ``ColorPairCache``.
///
/// Slots are taken in order from `range` (by default 16 up to the palette size, leaving the
/// 16 colours users configure in their terminal alone). When they run out, a colour gets the
/// slot whose colour is nearest (squared sRGB distance, ties to the lower slot), remembered.
public struct PaletteSlots: Sendable {
  /// What ``slot(for:)`` found.
  public enum Lookup: Hashable, Sendable {
    /// The colour already had this slot.
    case existing(Int32)
    /// A new slot: the caller must set it to the colour (init_extended_color).
    case created(Int32)
    /// The slots ran out; the slot holding the nearest colour is used.
    case fallback(Int32)

    /// The palette index to draw with.
    public var slot: Int32 {
      switch self {
      case .existing(let slot), .created(let slot), .fallback(let slot): slot
      }
    }
  }

  /// The palette indexes that may be redefined.
  public let range: Range<Int32>
  private var slots: [RGB: Int32] = [:]
  private var colors: [RGB] = []
  private var fallbacks: [RGB: Int32] = [:]

  /// Slots for a palette of `paletteSize` colours (ncurses' `COLORS`), from index 16.
  public init(paletteSize: Int) {
    let upper = Int32(clamping: max(16, min(paletteSize, 32767)))
    range = 16..<upper
  }

  /// Slots in use.
  public var allocatedCount: Int { colors.count }

  /// The palette index for `color`, taking a free slot if there is one.
  ///
  /// With an empty `range` there is nothing to fall back to: the answer is then
  /// `.fallback` of the nearest of the 256 xterm colours (never happens with a palette of at
  /// least 17 colours).
  public mutating func slot(for color: RGB) -> Lookup {
    if let slot = slots[color] { return .existing(slot) }
    if let slot = fallbacks[color] { return .fallback(slot) }
    if colors.count < range.count {
      let slot = range.lowerBound + Int32(colors.count)
      slots[color] = slot
      colors.append(color)
      return .created(slot)
    }
    guard !colors.isEmpty else { return .fallback(Int32(XtermPalette.nearestIndex(to: color))) }
    var best = 0
    var bestDistance = Int.max
    for (index, candidate) in colors.enumerated() {
      let distance = color.distanceSquared(to: candidate)
      if distance < bestDistance {
        best = index
        bestDistance = distance
      }
    }
    let slot = range.lowerBound + Int32(best)
    fallbacks[color] = slot
    return .fallback(slot)
  }

  /// Forgets every slot (for a new theme).
  public mutating func removeAll() {
    slots = [:]
    colors = []
    fallbacks = [:]
  }
}
