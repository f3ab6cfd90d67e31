/// A 24-bit sRGB colour, written in theme files as `"#rrggbb"` (or the short `"#rgb"`).
public struct RGB: Hashable, Sendable, CustomStringConvertible {
  public var red: UInt8
  public var green: UInt8
  public var blue: UInt8

  public init(red: UInt8, green: UInt8, blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// The colour a hex string names: `#rrggbb` or `#rgb`, either case; nil for anything
  /// else (no names, no alpha, the `#` is required).
  public init?(hex: String) {
    let digits = Array(hex.utf8)
    guard digits.first == UInt8(ascii: "#") else { return nil }
    var values: [UInt8] = []
    for digit in digits.dropFirst() {
      switch digit {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(digit - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): values.append(digit - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): values.append(digit - UInt8(ascii: "A") + 10)
      default: return nil
      }
    }
    switch values.count {
    case 6:
      self.init(
        red: values[0] << 4 | values[1], green: values[2] << 4 | values[3],
        blue: values[4] << 4 | values[5])
    case 3:
      self.init(red: values[0] * 17, green: values[1] * 17, blue: values[2] * 17)
    default:
      return nil
    }
  }

  /// `#rrggbb` in lower case.
  public var hex: String {
    let digits = Array("0123456789abcdef")
    var result = "#"
    for component in [red, green, blue] {
      result.append(digits[Int(component >> 4)])
      result.append(digits[Int(component & 0x0F)])
    }
    return result
  }

  public var description: String { hex }

  /// The squared Euclidean distance between two colours in sRGB space, the metric the
  /// nearest-colour searches of ``XtermPalette`` use.
  public func distanceSquared(to other: RGB) -> Int {
    let red = Int(self.red) - Int(other.red)
    let green = Int(self.green) - Int(other.green)
    let blue = Int(self.blue) - Int(other.blue)
    return red * red + green * green + blue * blue
  }
}
