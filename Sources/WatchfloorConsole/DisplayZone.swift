/// The fixed offset from UTC the console and the report show times in, and its label.
///
/// Written `UTC` (or `Z`, any case) or `±HH:MM` with hours 00 to 23 and minutes 00 to 59; the
/// label is `UTC` or `UTC+03:00`. Named zones (`Asia/Baghdad`) are not taken: a shift report
/// must not change meaning with the host's time zone database.
public struct DisplayZone: Sendable, Equatable, CustomStringConvertible {
  /// Minutes east of UTC, -1439 to 1439.
  public let minutes: Int
  /// `UTC`, `UTC+03:00`, `UTC-05:00`.
  public let name: String

  public static let utc = DisplayZone(minutes: 0, name: "UTC")

  private init(minutes: Int, name: String) {
    self.minutes = minutes
    self.name = name
  }

  /// The zone `text` writes, or nil when it is neither `UTC` nor an offset like `+03:00`.
  public init?(_ text: String) {
    if text.uppercased() == "UTC" || text.uppercased() == "Z" {
      self = .utc
      return
    }
    let bytes = Array(text.utf8)
    // Digits checked one by one: `Int` alone would take "+-1:00" as an hour of -1.
    func digit(_ index: Int) -> Int? {
      let byte = bytes[index]
      return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        ? Int(byte - UInt8(ascii: "0")) : nil
    }
    guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
      bytes[3] == UInt8(ascii: ":"), let h1 = digit(1), let h2 = digit(2), let m1 = digit(4),
      let m2 = digit(5)
    else { return nil }
    let hours = h1 * 10 + h2
    let minutes = m1 * 10 + m2
    guard hours <= 23, minutes <= 59 else { return nil }
    let sign = bytes[0] == UInt8(ascii: "-") ? -1 : 1
    self.init(minutes: sign * (hours * 60 + minutes), name: "UTC" + text)
  }

  public var description: String { name }
}
