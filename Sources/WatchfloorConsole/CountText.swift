/// Counts (detainees, occupancy, events, ages) as the console shows them: whole when they fit,
/// compact when they do not, never cut. A cut count misleads: `1,234,567` cut to five columns
/// reads `1,234`.
public enum CountText {
  /// `1,234,567`; `-1,234` for a negative value.
  public static func grouped(_ value: Int64) -> String {
    let out = grouped(String(value.magnitude))
    return value < 0 ? "-" + out : out
  }

  /// `value` in at most `width` columns, the first form that fits of:
  /// - grouped, `12,345`;
  /// - plain digits, `12345`;
  /// - compact with a unit of a thousand (k), million (M), giga (G), tera (T), peta (P) or
  ///   exa (E), rounded to the nearest: `12.3k`, then `12k`; `1.2M`; `100k` for 99,950.
  ///
  /// Every value fits in 4 columns (5 when negative). When even the shortest form is wider than
  /// `width`, the result is "…" (nothing when `width` is zero or less), never a cut number.
  public static func fitting(_ value: Int64, width: Int) -> String {
    guard width > 0 else { return "" }
    let sign = value < 0 ? "-" : ""
    let room = width - sign.count
    for form in forms(of: value.magnitude) where form.count <= room {
      return sign + form
    }
    return TextFitting.ellipsis
  }

  /// `compose(grouped)` when it fits in `columns`, else `compose(compact)`: a sentence with
  /// counts in it keeps them whole when there is room and shortens them all alike when not.
  public static func sentence(fitting columns: Int, _ compose: ((Int64) -> String) -> String)
    -> String
  {
    let whole = compose(grouped)
    if DisplayWidth.of(whole) <= columns { return whole }
    return compose { fitting($0, width: 5) }
  }

  /// The forms of `magnitude` from the most to the least precise.
  private static func forms(of magnitude: UInt64) -> [String] {
    let digits = String(magnitude)
    var forms = [grouped(digits), digits]
    if magnitude < 1000 { return forms }
    let units: [(suffix: String, size: UInt64)] = [
      ("k", 1_000), ("M", 1_000_000), ("G", 1_000_000_000), ("T", 1_000_000_000_000),
      ("P", 1_000_000_000_000_000), ("E", 1_000_000_000_000_000_000),
    ]
    // The smallest unit in which the rounded value stays under 1000: 999,950 is `1.0M`, not
    // `1000k`. Integer arithmetic: no overflow for the largest magnitude, no binary rounding.
    for unit in units {
      let whole = magnitude / unit.size + (magnitude % unit.size >= unit.size / 2 ? 1 : 0)
      guard whole < 1000 else { continue }
      let tenthSize = unit.size / 10
      let tenths = magnitude / tenthSize + (magnitude % tenthSize >= tenthSize / 2 ? 1 : 0)
      if tenths < 1000 { forms.append("\(tenths / 10).\(tenths % 10)\(unit.suffix)") }
      forms.append("\(whole)\(unit.suffix)")
      break
    }
    return forms
  }

  private static func grouped(_ digits: String) -> String {
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return out
  }
}
