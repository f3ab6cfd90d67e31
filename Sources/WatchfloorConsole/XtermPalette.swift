/// The colours of reduced terminal palettes, and the nearest of them to a 24-bit colour.
///
/// Metric: squared Euclidean distance in sRGB (``RGB/distanceSquared(to:)``), ties going to
/// the lower index. Simple and predictable; theme authors pick colours that survive it, and
/// tests pin the built-in themes' results. One exception for the 8 basic colours, whose only
/// neutrals are black and white: a near-grey goes to black or white by its lightness, where
/// plain distance would send mid-greys to cyan.
public enum XtermPalette {
  /// The 8 basic ANSI colours as xterm draws them by default; the reference colours the
  /// nearest basic colour is measured against.
  public static let basicColors: [RGB] = [
    RGB(red: 0x00, green: 0x00, blue: 0x00), RGB(red: 0xCD, green: 0x00, blue: 0x00),
    RGB(red: 0x00, green: 0xCD, blue: 0x00), RGB(red: 0xCD, green: 0xCD, blue: 0x00),
    RGB(red: 0x00, green: 0x00, blue: 0xEE), RGB(red: 0xCD, green: 0x00, blue: 0xCD),
    RGB(red: 0x00, green: 0xCD, blue: 0xCD), RGB(red: 0xE5, green: 0xE5, blue: 0xE5),
  ]

  /// The levels of each channel in the 6x6x6 colour cube (indices 16-231).
  static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

  /// The colour of xterm-256 index `index`: the 6x6x6 cube (16 + 36 r + 6 g + b) for
  /// 16-231, the grey ramp (8, 18, ... 238) for 232-255. Indices 0-15 are colours terminals
  /// let users redefine; they give the ``basicColors`` entry of `index % 8`.
  public static func color(ofIndex index: UInt8) -> RGB {
    switch index {
    case 0..<16:
      return basicColors[Int(index % 8)]
    case 16..<232:
      let cube = Int(index) - 16
      return RGB(
        red: cubeLevels[cube / 36], green: cubeLevels[cube / 6 % 6], blue: cubeLevels[cube % 6])
    default:
      let level = 8 + 10 * (index - 232)
      return RGB(red: level, green: level, blue: level)
    }
  }

  /// The xterm-256 index nearest to `color`, among 16...255 (the cube and the greys; the
  /// first 16 are left out because terminals let users redefine them).
  public static func nearestIndex(to color: RGB) -> UInt8 {
    var best: UInt8 = 16
    var bestDistance = Int.max
    for index in UInt8(16)...UInt8(255) {
      let distance = color.distanceSquared(to: Self.color(ofIndex: index))
      if distance < bestDistance {
        best = index
        bestDistance = distance
      }
    }
    return best
  }

  /// The basic colour nearest to `color`. A near-grey (channels at most 32 apart) is black
  /// when the mean of its channels is below 115 (halfway to xterm's white), else white;
  /// any other colour is the nearest of the 8 by squared Euclidean distance.
  public static func nearestBasic(to color: RGB) -> BasicColor {
    let channels = [Int(color.red), Int(color.green), Int(color.blue)]
    if let high = channels.max(), let low = channels.min(), high - low <= 32 {
      return (channels[0] + channels[1] + channels[2]) / 3 < 115 ? .black : .white
    }
    var best = BasicColor.black
    var bestDistance = Int.max
    for basic in BasicColor.allCases {
      let distance = color.distanceSquared(to: basicColors[Int(basic.rawValue)])
      if distance < bestDistance {
        best = basic
        bestDistance = distance
      }
    }
    return best
  }
}

/// The 8 basic ANSI colours, by their SGR number (30 + raw value for the foreground).
public enum BasicColor: UInt8, CaseIterable, Hashable, Sendable {
  case black, red, green, yellow, blue, magenta, cyan, white
}
