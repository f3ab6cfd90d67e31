import Foundation
import WatchfloorModel

/// The zone the console, the report and the commands show times in, and its label.
///
/// Written `UTC` (or `Z`, any case), `±HH:MM` with hours 00 to 23 and minutes 00 to 59, or an
/// IANA zone name (`Asia/Baghdad`) found in the system's zoneinfo (`$TZDIR`, else
/// `/usr/share/zoneinfo`). The label is `UTC`, `UTC+03:00` or the name. A named zone's offset
/// changes with the date (daylight saving, a country changing its clocks), so every time is
/// shown with the offset in force at that instant: ``minutes(at:)``.
public struct DisplayZone: Sendable, Equatable, CustomStringConvertible {
  /// `UTC`, `UTC+03:00`, `UTC-05:00`, `Asia/Baghdad`.
  public let name: String
  /// Minutes east of UTC for a fixed offset, -1439 to 1439; nil for a named zone.
  private let fixedMinutes: Int?
  /// The named zone's rules; nil for a fixed offset.
  private let rules: TimeZone?

  public static let utc = DisplayZone(minutes: 0, name: "UTC")

  private init(minutes: Int, name: String) {
    self.fixedMinutes = minutes
    self.name = name
    self.rules = nil
  }

  private init(rules: TimeZone, name: String) {
    self.fixedMinutes = nil
    self.name = name
    self.rules = rules
  }

  /// The zone `text` writes, or nil when it is neither `UTC`, an offset like `+03:00`, nor a
  /// zone in the system's zoneinfo.
  public init?(_ text: String) {
    if text.uppercased() == "UTC" || text.uppercased() == "Z" {
      self = .utc
      return
    }
    if let minutes = Self.offsetMinutes(text) {
      self.init(minutes: minutes, name: "UTC" + text)
      return
    }
    guard Self.isZoneName(text), let rules = TimeZone(identifier: text) else { return nil }
    self.init(rules: rules, name: text)
  }

  /// Minutes east of UTC at `time`.
  public func minutes(at time: Timestamp) -> Int {
    if let fixedMinutes { return fixedMinutes }
    guard let rules, !time.isMissing else { return 0 }
    return rules.secondsFromGMT(for: Date(timeIntervalSince1970: Double(time.seconds))) / 60
  }

  /// The offset that a day written `YYYY-MM-DD` is counted in: the one in force at noon UTC
  /// that day. Days are 24 hours from local midnight at that offset, so in a zone with
  /// daylight saving the two changeover days end an hour early or late.
  public func minutes(onDate text: String) -> Int {
    guard let noon = DayWindow(date: text, offsetMinutes: 0)?.start.adding(seconds: 43_200)
    else { return fixedMinutes ?? 0 }
    return minutes(at: noon)
  }

  /// The local day containing `time`, counted at the offset in force at that instant.
  public func day(containing time: Timestamp) -> DayWindow {
    DayWindow(containing: time, offsetMinutes: minutes(at: time))
  }

  public var description: String { name }

  /// Whether two zones show every time alike.
  public static func == (left: DisplayZone, right: DisplayZone) -> Bool {
    left.name == right.name && left.fixedMinutes == right.fixedMinutes
  }

  /// `±HH:MM` as minutes east of UTC, or nil.
  private static func offsetMinutes(_ text: String) -> Int? {
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
    return sign * (hours * 60 + minutes)
  }

  /// Whether `text` names a zone file in the system's zoneinfo: `Area/City` style names of
  /// letters, digits, `_`, `-` and `+`, no `..`, and a file there that starts like a TZif file.
  static func isZoneName(_ text: String) -> Bool {
    guard !text.isEmpty, !text.hasPrefix("/"), !text.contains(".."),
      text.unicodeScalars.allSatisfy({
        $0.isASCII
          && (CharacterSet.alphanumerics.contains($0) || "/_-+".unicodeScalars.contains($0))
      })
    else { return false }
    let directory = ProcessInfo.processInfo.environment["TZDIR"] ?? "/usr/share/zoneinfo"
    guard let handle = FileHandle(forReadingAtPath: directory + "/" + text) else { return false }
    defer { try? handle.close() }
    let magic = (try? handle.read(upToCount: 4)) ?? Data()
    return magic == Data("TZif".utf8)
  }
}
