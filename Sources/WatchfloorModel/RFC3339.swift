/// Strict RFC 3339 `date-time` parsing and printing.
///
/// Accepted: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`, with `t` and `z` allowed in
/// lower case as the RFC's note permits. The calendar is checked (no 30 February, hours 00-23,
/// minutes 00-59); a leap second `:60` is accepted and ordered as the next second's start.
/// Fractions of any length are accepted; instants keep nanoseconds.
public enum RFC3339 {
  /// Parses `text`; nil when it is not a valid RFC 3339 date-time. Forms that cannot be
  /// printed back from their fields keep their text in `verbatim`.
  public static func parse(_ text: UnsafeRawBufferPointer, verbatim: Interner) -> Timestamp? {
    switch parseKeepingNothing(text) {
    case .timestamp(let timestamp): return timestamp
    case .needsText(var timestamp):
      timestamp.style = Timestamp.Style.verbatimBit | verbatim.intern(text).rawValue
      return timestamp
    case nil: return nil
    }
  }

  /// What parsing without an interner found (`parseKeepingNothing`).
  public enum Parsed: Sendable {
    case timestamp(Timestamp)
    /// Valid, but a form that cannot be printed back from its fields (a fraction finer than
    /// nanoseconds): its text must be kept, which `parse(_:verbatim:)` does. The style is not
    /// set yet.
    case needsText(Timestamp)
  }

  /// Parses `text` touching nothing shared, so on any thread (the log reader's); nil when it
  /// is not a valid RFC 3339 date-time.
  public static func parseKeepingNothing(_ text: UnsafeRawBufferPointer) -> Parsed? {
    let count = text.count
    guard count >= 20 else { return nil }
    @inline(__always) func digit(_ index: Int) -> Int? {
      let byte = text[index]
      return byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
    }
    @inline(__always) func number(_ index: Int, _ width: Int) -> Int? {
      var value = 0
      for offset in 0..<width {
        guard let d = digit(index + offset) else { return nil }
        value = value * 10 + d
      }
      return value
    }
    guard let year = number(0, 4), text[4] == 0x2D, let month = number(5, 2), text[7] == 0x2D,
      let day = number(8, 2), let hour = number(11, 2), text[13] == 0x3A,
      let minute = number(14, 2), text[16] == 0x3A, let second = number(17, 2)
    else { return nil }
    let separator = text[10]
    guard separator == 0x54 || separator == 0x74 else { return nil }
    guard (1...12).contains(month), day >= 1,
      day <= CivilCalendar.daysInMonth(year: year, month: month),
      hour <= 23, minute <= 59, second <= 60
    else { return nil }

    var style: UInt32 = 0
    if separator == 0x74 { style |= Timestamp.Style.lowercaseTBit }
    var index = 19
    var nanoseconds: UInt32 = 0
    var fractionDigits = 0
    if text[index] == 0x2E {
      index += 1
      while index < count, let d = digit(index) {
        if fractionDigits < 9 { nanoseconds = nanoseconds * 10 + UInt32(d) }
        fractionDigits += 1
        index += 1
      }
      guard fractionDigits > 0 else { return nil }
      for _ in min(fractionDigits, 9)..<9 { nanoseconds *= 10 }
    }
    guard index < count else { return nil }
    var offsetMinutes = 0
    switch text[index] {
    case 0x5A, 0x7A:
      style |= Timestamp.Style.zuluBit
      if text[index] == 0x7A { style |= Timestamp.Style.lowercaseZBit }
      index += 1
    case 0x2B, 0x2D:
      guard index + 6 == count, let offsetHour = number(index + 1, 2), text[index + 3] == 0x3A,
        let offsetMinute = number(index + 4, 2), offsetHour <= 23, offsetMinute <= 59
      else { return nil }
      offsetMinutes = offsetHour * 60 + offsetMinute
      if text[index] == 0x2D {
        offsetMinutes = -offsetMinutes
        if offsetMinutes == 0 { style |= Timestamp.Style.negativeZeroBit }
      }
      index += 6
    default:
      return nil
    }
    guard index == count else { return nil }

    let days = CivilCalendar.days(year: year, month: month, day: day)
    var seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    seconds -= Int64(offsetMinutes * 60)
    if second == 60 { style |= Timestamp.Style.leapSecondBit }
    if fractionDigits > 9 {
      return .needsText(Timestamp(seconds: seconds, nanoseconds: nanoseconds, style: 0))
    }
    style |= UInt32(fractionDigits)
    style |= UInt32(offsetMinutes + Timestamp.Style.offsetBias) << Timestamp.Style.offsetShift
    return .timestamp(Timestamp(seconds: seconds, nanoseconds: nanoseconds, style: style))
  }

  public static func parse(_ text: String, verbatim: Interner) -> Timestamp? {
    var text = text
    return text.withUTF8 { parse(UnsafeRawBufferPointer($0), verbatim: verbatim) }
  }

  /// The text of `timestamp` exactly as it was written.
  public static func text(_ timestamp: Timestamp, verbatim: Interner) -> String {
    withText(timestamp, verbatim: verbatim) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the UTF-8 text of `timestamp` exactly as it was written, formatted on
  /// the stack: writers of large documents print a timestamp per row without allocating.
  public static func withText<R>(
    _ timestamp: Timestamp, verbatim: Interner, _ body: (UnsafeRawBufferPointer) -> R
  ) -> R {
    let style = timestamp.style
    if timestamp.isMissing { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
    if style & Timestamp.Style.verbatimBit != 0 {
      return verbatim.withBytes(Symbol(style & ~Timestamp.Style.verbatimBit), body)
    }
    let offset = Timestamp.Style.offsetMinutes(style)
    let leap = style & Timestamp.Style.leapSecondBit != 0
    let local = timestamp.seconds + Int64(offset * 60) - (leap ? 1 : 0)
    // The date and time, then a fraction (a point and 9 digits) and an offset (6 bytes).
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: civilCapacity + 16) { buffer in
      var end = writeCivil(
        local, separator: style & Timestamp.Style.lowercaseTBit != 0 ? 0x74 : 0x54, into: buffer)
      if leap {
        buffer[end - 2] = 0x36
        buffer[end - 1] = 0x30
      }
      let digits = Int(style & Timestamp.Style.fractionDigitsMask)
      if digits > 0 {
        buffer[end] = 0x2E
        var fraction = Int(timestamp.nanoseconds)
        for place in stride(from: 9, to: 0, by: -1) {
          if place <= digits { buffer[end + place] = UInt8(fraction % 10) + 0x30 }
          fraction /= 10
        }
        end += 1 + digits
      }
      if style & Timestamp.Style.zuluBit != 0 {
        buffer[end] = style & Timestamp.Style.lowercaseZBit != 0 ? 0x7A : 0x5A
        end += 1
      } else {
        let negative = offset < 0 || style & Timestamp.Style.negativeZeroBit != 0
        buffer[end] = negative ? 0x2D : 0x2B
        writeDigits(abs(offset) / 60, width: 2, into: buffer, at: end + 1)
        buffer[end + 3] = 0x3A
        writeDigits(abs(offset) % 60, width: 2, into: buffer, at: end + 4)
        end += 6
      }
      return body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<end])))
    }
  }

  /// `YYYY-MM-DDTHH:MM:SS` of a count of seconds since 1970 (no offset applied).
  public static func civil(_ seconds: Int64, separator: String = "T") -> String {
    let separatorByte = separator.utf8.count == 1 ? separator.utf8.first ?? 0x54 : 0x54
    let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: civilCapacity) { buffer in
      let end = writeCivil(seconds, separator: separatorByte, into: buffer)
      return String(
        decoding: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<end])),
        as: UTF8.self)
    }
    guard separator.utf8.count != 1 else { return text }
    // The time is the last 8 bytes, after the one-byte separator, whatever the year's width.
    return String(text.dropLast(9)) + separator + String(text.suffix(8))
  }

  /// The most digits of a year: enough for any `Int64` count of seconds.
  private static let yearDigits = 12
  /// The longest `[-]Y…Y-MM-DD?HH:MM:SS`.
  private static let civilCapacity = 1 + yearDigits + 15

  /// Writes `YYYY-MM-DD?HH:MM:SS` (`?` the separator) at the start of `buffer` (at least
  /// ``civilCapacity`` bytes); returns the bytes written.
  private static func writeCivil(
    _ seconds: Int64, separator: UInt8, into buffer: UnsafeMutableBufferPointer<UInt8>
  ) -> Int {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = Int(seconds - days * 86_400)
    let date = CivilCalendar.date(days: days)
    // Years before 0 or beyond 9999 (a time moved by an offset, or any count of seconds a
    // caller has) take a sign and the digits they need; the spec's years never do.
    var at = 0
    if date.year < 0 {
      buffer[0] = 0x2D
      at = 1
    }
    let year = abs(date.year)
    var yearWidth = 4
    while yearWidth < Self.yearDigits, year >= Self.powerOfTen(yearWidth) { yearWidth += 1 }
    writeDigits(year, width: yearWidth, into: buffer, at: at)
    at += yearWidth
    buffer[at] = 0x2D
    writeDigits(date.month, width: 2, into: buffer, at: at + 1)
    buffer[at + 3] = 0x2D
    writeDigits(date.day, width: 2, into: buffer, at: at + 4)
    buffer[at + 6] = separator
    at += 7
    writeDigits(secondOfDay / 3600, width: 2, into: buffer, at: at)
    buffer[at + 2] = 0x3A
    writeDigits(secondOfDay / 60 % 60, width: 2, into: buffer, at: at + 3)
    buffer[at + 5] = 0x3A
    writeDigits(secondOfDay % 60, width: 2, into: buffer, at: at + 6)
    return at + 8
  }

  private static func powerOfTen(_ exponent: Int) -> Int {
    var value = 1
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// Writes `value` (not negative) as exactly `width` decimal digits, zero-padded.
  private static func writeDigits(
    _ value: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int
  ) {
    var rest = max(0, value)
    for place in stride(from: start + width - 1, through: start, by: -1) {
      buffer[place] = UInt8(rest % 10) + 0x30
      rest /= 10
    }
  }

  /// The UTC form `YYYY-MM-DDTHH:MM:SSZ` of an instant, for messages and reports.
  public static func utcText(_ timestamp: Timestamp) -> String {
    civil(timestamp.seconds) + "Z"
  }
}
