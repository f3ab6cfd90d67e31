import CNcurses
import WatchfloorConsole

/// The colour pairs and redefined palette entries of the running ncurses screen: turns a
/// ``ResolvedStyle``'s colours into a pair number, defining pairs (and, in truecolour, palette
/// entries) on first use. Lives inside ``Terminal``; ncurses must be started.
///
/// Colour numbers: nil is -1 (the terminal's colour) when `use_default_colors` worked,
/// else white on black; a basic colour is its number 0-7; a palette index is itself (the
/// nearest basic colour on a smaller palette); a 24-bit colour is a redefined palette entry
/// (see ``PaletteSlots``) in `.trueColor`, else the nearest palette index.
struct CursesColors {
  let capability: ColorCapability
  private var pairs: ColorPairCache
  private var slots: PaletteSlots
  /// Pairs and colours ncurses refused to define (drawn in default colours instead).
  private(set) var failures = 0

  init(capability: ColorCapability) {
    self.capability = capability
    pairs = ColorPairCache(pairLimit: capability.pairs)
    slots = PaletteSlots(paletteSize: capability.canChangeColors ? capability.colors : 0)
  }

  /// Forgets all pairs and palette entries: a new theme starts from pair 1 again. The
  /// caller then redraws the whole screen, so no cell keeps a redefined pair's old meaning.
  mutating func reset() {
    pairs.removeAll()
    slots.removeAll()
  }

  /// The pair to draw `style` with in `mode` (0, the default pair, in `.monochrome`).
  mutating func pair(for style: ResolvedStyle, mode: ColorMode) -> Int32 {
    guard mode != .monochrome, capability.hasColors else { return 0 }
    let key = ColorPairKey(style)
    let lookup = pairs.pair(for: key)
    if case .created(let pair) = lookup {
      let foreground = number(of: key.foreground, isBackground: false, mode: mode)
      let background = number(of: key.background, isBackground: true, mode: mode)
      if init_extended_pair(pair, foreground, background) == ERR {
        failures += 1
        return 0
      }
    }
    return lookup.pair
  }

  /// The ncurses colour number for `color`.
  private mutating func number(of color: TerminalColor?, isBackground: Bool, mode: ColorMode)
    -> Int32
  {
    guard let color else {
      if capability.hasDefaultColors { return -1 }
      return Int32(isBackground ? BasicColor.black.rawValue : BasicColor.white.rawValue)
    }
    switch color {
    case .basic(let basic):
      return Int32(basic.rawValue)
    case .indexed(let index):
      if Int(index) < capability.colors { return Int32(index) }
      return Int32(XtermPalette.nearestBasic(to: color.approximateRGB).rawValue)
    case .rgb(let rgb):
      if mode == .trueColor && !slots.range.isEmpty {
        let lookup = slots.slot(for: rgb)
        if case .created(let slot) = lookup {
          let scale = { (channel: UInt8) in Int32((Int(channel) * 1000 + 127) / 255) }
          if init_extended_color(slot, scale(rgb.red), scale(rgb.green), scale(rgb.blue)) == ERR {
            failures += 1
          }
        }
        return lookup.slot
      }
      if capability.colors >= 256 { return Int32(XtermPalette.nearestIndex(to: rgb)) }
      return Int32(XtermPalette.nearestBasic(to: rgb).rawValue)
    }
  }
}
