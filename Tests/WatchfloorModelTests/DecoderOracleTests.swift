import Foundation
import Testing
import WatchfloorModel

// Differential tests of the line decoder (`JSONScanner`, `EventDecoder`) against Foundation's
// `JSONSerialization` as the oracle, over lines made by a fixed-seed generator: valid events of
// every type, then structured and byte-level mutations of them. For each line:
//   (a) the oracle refuses it  =>  our scanner refuses it (we are never more lenient);
//   (b) our scanner refuses it but the oracle accepts it  =>  a documented strictness
//       difference (see `DocumentedDifference`);
//   (c) both accept it  =>  every member the schema knows has the same value in both;
//   (d) `EventDecoder.decode` classifies it as an independent schema check over the oracle's
//       dictionary does (spec/events.md, written again here from the spec's text).
//
// Documented differences between Foundation (swift-corelibs-foundation, Linux) and RFC 8259:
//   - Foundation accepts a trailing comma before `}` or `]`; RFC 8259 does not, nor do we.
//   - Foundation refuses numbers beyond the range of Double ("Number 1e999 is not representable
//     in Swift"); RFC 8259 §6 lets a parser limit the range, but the text is valid JSON, so we
//     accept it as a (non-integer or out-of-range) number: never a valid count.
//   - Foundation skips a UTF-8 byte order mark before the text; RFC 8259 §8.1 lets a parser
//     either ignore it or treat it as an error. We refuse it (a spot test pins this).
//   - Foundation merges member names that are canonically equivalent Unicode ("é" and
//     "e\u0301" are one key: Swift String equality); RFC 8259 §8.3 compares code units, as we
//     do. The schema's names are ASCII, so no line is classified differently; the generator
//     makes no such pairs.

// MARK: - Randomness

/// SplitMix64 (Steele, Lea and Flood): a fixed seed, so every run tests the same lines (and
/// a failing run of any test of this target that draws from it can be repeated).
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// A number in `0..<bound`.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  mutating func shuffle<T>(_ items: inout [T]) {
    var index = items.count - 1
    while index > 0 {
      items.swapAt(index, below(index + 1))
      index -= 1
    }
  }
}

// MARK: - The schema, written again from spec/events.md

private enum Spec {
  static let types = [
    "facility.registered", "facility.updated", "airlift.requested", "airlift.approved",
    "airlift.denied", "airlift.held", "airlift.cancelled", "airlift.diverted", "airlift.departed",
    "airlift.landed", "detainees.repatriated", "incident.reported", "incident.updated",
    "incident.acknowledged", "incident.resolved",
  ]
  /// Decisions: `by` is required and non-empty.
  static let decisions: Set<String> = [
    "airlift.approved", "airlift.denied", "airlift.held", "incident.acknowledged",
  ]
  static let sides = ["IQ", "SY"]
  static let securities = ["maximum", "high", "medium"]
  static let statuses = ["open", "lockdown", "closed"]
  static let priorities = ["routine", "urgent"]
  static let severities = ["info", "low", "medium", "high", "critical"]

  enum Rule {
    /// A non-empty string (facility, airlift, incident ids; origin, destination; sector).
    case identifier
    /// Any string.
    case text
    /// A JSON integer that fits in 64 bits, at least `minimum`.
    case count(minimum: Int64)
    case choice([String])
    /// A string holding an RFC 3339 date-time.
    case time
  }

  struct Field {
    let key: String
    let rule: Rule
    let required: Bool
  }

  private static func required(_ key: String, _ rule: Rule) -> Field {
    Field(key: key, rule: rule, required: true)
  }

  private static func optional(_ key: String, _ rule: Rule) -> Field {
    Field(key: key, rule: rule, required: false)
  }

  /// The fields of a known type besides the envelope (`ts`, `type`, `id`, `by`).
  static func fields(of type: String) -> [Field] {
    switch type {
    case "facility.registered":
      return [
        required("facility", .identifier), required("name", .text), required("region", .text),
        required("side", .choice(sides)), required("capacity", .count(minimum: 0)),
        required("occupancy", .count(minimum: 0)), optional("security", .choice(securities)),
      ]
    case "facility.updated":
      return [
        required("facility", .identifier), optional("capacity", .count(minimum: 0)),
        optional("occupancy", .count(minimum: 0)), optional("status", .choice(statuses)),
      ]
    case "airlift.requested":
      return [
        required("airlift", .identifier), required("origin", .identifier),
        required("destination", .identifier), required("detainees", .count(minimum: 1)),
        optional("high_value", .count(minimum: 0)), required("etd", .time),
        optional("priority", .choice(priorities)), optional("note", .text),
      ]
    case "airlift.approved":
      return [required("airlift", .identifier), optional("note", .text)]
    case "airlift.denied", "airlift.held", "airlift.cancelled":
      return [required("airlift", .identifier), required("reason", .text)]
    case "airlift.diverted":
      return [
        required("airlift", .identifier), required("destination", .identifier),
        optional("reason", .text),
      ]
    case "airlift.departed":
      return [required("airlift", .identifier)]
    case "airlift.landed":
      return [required("airlift", .identifier), optional("delivered", .count(minimum: 0))]
    case "detainees.repatriated":
      return [
        required("facility", .identifier), required("count", .count(minimum: 1)),
        required("country", .text),
      ]
    case "incident.reported":
      return [
        required("incident", .identifier), required("sector", .identifier),
        required("severity", .choice(severities)), required("kind", .text),
        required("summary", .text), optional("facility", .identifier),
      ]
    case "incident.updated":
      return [
        required("incident", .identifier), optional("severity", .choice(severities)),
        optional("summary", .text),
      ]
    case "incident.acknowledged":
      return [required("incident", .identifier)]
    case "incident.resolved":
      return [required("incident", .identifier), optional("note", .text)]
    default:
      return []
    }
  }

  /// Types that need at least one of their optional fields.
  static func needsOneOf(_ type: String) -> [String] {
    switch type {
    case "facility.updated": ["capacity", "occupancy", "status"]
    case "incident.updated": ["severity", "summary"]
    default: []
    }
  }

  /// Values the decoder reports for absent optional fields.
  static let defaults: [String: String] = [
    "security": "high", "priority": "routine", "high_value": "0",
  ]
}

// MARK: - An independent RFC 3339 check

/// `date-time` of RFC 3339 §5.6, by template: `YYYY-MM-DD(T|t)HH:MM:SS[.frac](Z|z|±HH:MM)`,
/// with calendar validation (proleptic Gregorian; seconds 00-60, offsets ±23:59).
private enum TimeCheck {
  static func isLeap(_ year: Int) -> Bool {
    if year % 400 == 0 { return true }
    if year % 100 == 0 { return false }
    return year % 4 == 0
  }

  static func daysIn(year: Int, month: Int) -> Int {
    let lengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return lengths[month - 1]
  }

  /// Days from 0000-01-01 to the date.
  private static func ordinal(year: Int, month: Int, day: Int) -> Int64 {
    let leapYearsBefore = year == 0 ? 0 : (year - 1) / 4 - (year - 1) / 100 + (year - 1) / 400 + 1
    let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    let leapDay = month > 2 && isLeap(year) ? 1 : 0
    return Int64(365 * year + leapYearsBefore + before[month - 1] + leapDay + day - 1)
  }

  /// The instant (seconds since 1970-01-01T00:00:00Z, nanoseconds), or nil when invalid.
  private static let template = Array("dddd-dd-ddTdd:dd:dd".utf8)

  static func instant(_ text: [UInt8]) -> (seconds: Int64, nanoseconds: UInt32)? {
    guard text.count >= 20 else { return nil }
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    for (position, expected) in template.enumerated() {
      let byte = text[position]
      switch expected {
      case UInt8(ascii: "d"): guard isDigit(byte) else { return nil }
      case UInt8(ascii: "T"):
        guard byte == UInt8(ascii: "T") || byte == UInt8(ascii: "t") else { return nil }
      default: guard byte == expected else { return nil }
      }
    }
    func number(_ from: Int, _ width: Int) -> Int {
      text[from..<from + width].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
    var position = 19
    var fraction: [UInt8] = []
    if text[position] == UInt8(ascii: ".") {
      position += 1
      while position < text.count, isDigit(text[position]) {
        fraction.append(text[position])
        position += 1
      }
      guard !fraction.isEmpty else { return nil }
    }
    guard position < text.count else { return nil }
    var offsetMinutes = 0
    switch text[position] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      guard position + 1 == text.count else { return nil }
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      guard text.count == position + 6, isDigit(text[position + 1]), isDigit(text[position + 2]),
        text[position + 3] == UInt8(ascii: ":"), isDigit(text[position + 4]),
        isDigit(text[position + 5])
      else { return nil }
      let hours = number(position + 1, 2)
      let minutes = number(position + 4, 2)
      guard hours <= 23, minutes <= 59 else { return nil }
      offsetMinutes = (hours * 60 + minutes) * (text[position] == UInt8(ascii: "-") ? -1 : 1)
    default:
      return nil
    }
    let year = number(0, 4)
    let month = number(5, 2)
    let day = number(8, 2)
    let hour = number(11, 2)
    let minute = number(14, 2)
    let second = number(17, 2)
    guard (1...12).contains(month), day >= 1, day <= daysIn(year: year, month: month), hour <= 23,
      minute <= 59, second <= 60
    else { return nil }
    let days = ordinal(year: year, month: month, day: day) - ordinal(year: 1970, month: 1, day: 1)
    let seconds =
      days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
    var nanoseconds: UInt32 = 0
    for index in 0..<9 {
      nanoseconds = nanoseconds * 10 + (index < fraction.count ? UInt32(fraction[index] - 0x30) : 0)
    }
    return (seconds, nanoseconds)
  }
}

// MARK: - The generator

/// One member of a generated object, as JSON text.
private struct Member {
  /// The member name, unescaped (for the mutations to find fields).
  var name: String
  /// The key as written, with its quotes.
  var key: String
  /// The value as written.
  var value: String
}

/// Where a generated line came from, for the report.
private enum Origin: String, CaseIterable {
  case valid, structured, bytes, structuredAndBytes, blank, notObject
}

private struct LineGenerator {
  var rng: SplitMix64

  static let idPieces = [
    "ghwayran", "hasakah", "A-17", "x_9", "al-Hol", "\\u00e9", "\\\"", "\\\\", "\\/",
    "\\ud83d\\ude00", "\\uD83D\\uDE00", "é", "سجن الحسكة", "监狱", "😀", "\\n", "\\t", "\\u0041",
    "\\b\\f\\r", "\\u0000", "~", "\\u20ac", "\u{7F}", "\\uFFFF", "Ωmega",
  ]
  static let extraKeys = [
    "extra", "meta", "source", "TS", "Type", "high-value", "seq", "tags", "ts_local", "ID", "by_",
    "\\u00e9t\\u00e9", "typ", "Facility",
    "ts\\u0000", "type ", "b\\u0079 ",
  ]
  static let extraValues = [
    #"{"a":[1,2,{"b":null}],"c":"x\u00e9"}"#, #"[1.5e-3,-0,true,false,null,"s",[],{}]"#, "1.5e-3",
    "-0", "1E+10", "0.0", "-12.5e-7", "123456789012345678901234567890", #""\ud83d\ude00""#,
    "true", "false", "null", "{}", "[]", "[[[[[]]]]]",
    #"{"deep":{"er":{"est":[0.1,2e-2,{"k":"v"}]}}}"#,
    #""2026-01-21T06:00:00Z""#, "-9223372036854775808", "18446744073709551616", "1e308", "-1e-308",
  ]
  static let unknownTypes = [
    "facility.renamed", "airlift.scheduled", "Facility.registered", "facility.registered ", "",
    "incident", "x.y", "airlift.requested\\u0000", "AIRLIFT.DEPARTED",
  ]
  static let numberReplacements = [
    "1.0", "1e2", "-1", "9223372036854775808", "\"1\"", "-0", "0", "1E0", "-9223372036854775808",
    "9223372036854775807", "0.5", "1", "2", "-0.0", "1e-0", "18446744073709551616",
  ]
  static let wrongTypes = [
    "\"\"", "5", "true", "false", "[]", "{}", "\"x\"", "[1]", "{\"a\":1}", "\"IQ\"", "0",
  ]
  static let enumSpellings = [
    "\"iq\"", "\"IQ\"", "\"SY\"", "\"sy\"", "\"High\"", "\"high\"", "\"maximum\"", "\"OPEN\"",
    "\"open\"", "\"lockdown\"", "\"closed\"", "\"routine\"", "\"routine \"", "\"urgent\"",
    "\"info\"", "\"critical\"", "\"Critical\"", "\"medium\"", "\"low\"", "\"\\u0049Q\"",
  ]
  static let surrogates = [
    "\\ud800", "\\udc00", "\\udbff\\u0041", "\\ud800\\ud800", "\\udfff\\ud800", "\\uD800x",
    "\\ud83d\\ude00", "\\uDBFF\\uDFFF",
  ]
  static let interestingBytes: [[UInt8]] =
    Array("{}[]\"\\,:-.09eantf".utf8).map { [$0] } + [
      [0x00], [0x1F], [0x7F], [0x80], [0xC0], [0xED, 0xA0, 0x80], [0xFF], [0x20], [0x09],
    ]

  // MARK: Values

  mutating func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// Replaces one ASCII character of `text` by its `\u00XX` escape (JSON source text).
  mutating func escapeOne(_ text: String) -> String {
    var characters = Array(text)
    guard !characters.isEmpty else { return text }
    let index = rng.below(characters.count)
    guard let ascii = characters[index].asciiValue else { return text }
    var hex = String(ascii, radix: 16)
    if rng.chance(50) { hex = hex.uppercased() }
    characters.replaceSubrange(
      index...index, with: Array("\\u00" + (hex.count == 1 ? "0" : "") + hex))
    return String(characters)
  }

  mutating func identifier() -> String {
    var text = ""
    for _ in 0...rng.below(3) { text += rng.pick(Self.idPieces) }
    return "\"" + text + "\""
  }

  mutating func text() -> String {
    if rng.chance(10) { return "\"\"" }
    var text = rng.pick(Self.idPieces)
    for _ in 0..<rng.below(4) { text += " " + rng.pick(Self.idPieces) }
    return "\"" + text + "\""
  }

  /// A count in `minimum...maximum`, often at an edge (`minimum` is 0 or 1).
  mutating func count(minimum: Int64, maximum: Int64 = Int64.max) -> Int64 {
    let span = UInt64(maximum - minimum)
    switch rng.below(8) {
    case 0: return minimum
    case 1: return min(minimum + 1, maximum)
    case 2: return maximum
    case 3: return maximum - Int64(rng.below(Int(min(3, span + 1))))
    case 4: return minimum + Int64(rng.next() % (span + 1))
    default: return min(minimum + Int64(rng.below(5000)), maximum)
    }
  }

  mutating func countText(_ value: Int64) -> String {
    value == 0 && rng.chance(10) ? "-0" : String(value)
  }

  mutating func digits(_ count: Int) -> String {
    String((0..<count).map { _ in Character(String(rng.below(10))) })
  }

  struct TimeParts {
    var year = "2026"
    var month = "01"
    var day = "21"
    var separator = "T"
    var hour = "06"
    var minute = "00"
    var second = "00"
    var fraction = ""
    var zone = "Z"

    var text: String {
      year + "-" + month + "-" + day + separator + hour + ":" + minute + ":" + second + fraction
        + zone
    }
  }

  mutating func validTime() -> TimeParts {
    var parts = TimeParts()
    let year = rng.chance(70) ? 2026 : rng.chance(50) ? 1970 + rng.below(100) : rng.below(10_000)
    let month = 1 + rng.below(12)
    parts.year = pad(year, 4)
    parts.month = pad(month, 2)
    parts.day = pad(1 + rng.below(TimeCheck.daysIn(year: year, month: month)), 2)
    parts.separator = rng.chance(5) ? "t" : "T"
    parts.hour = pad(rng.below(24), 2)
    parts.minute = pad(rng.below(60), 2)
    parts.second = pad(rng.chance(3) ? 60 : rng.below(60), 2)
    parts.fraction = rng.chance(55) ? "" : "." + digits(1 + rng.below(12))
    switch rng.below(10) {
    case 0..<5: parts.zone = "Z"
    case 5: parts.zone = "z"
    case 6: parts.zone = "-00:00"
    case 7: parts.zone = "+00:00"
    default:
      let sign = rng.chance(50) ? "+" : "-"
      let hours = rng.below(24)
      let anyMinute = rng.below(60)
      let minutes = rng.pick([0, 30, 45, anyMinute])
      parts.zone = sign + pad(hours, 2) + ":" + pad(minutes, 2)
    }
    return parts
  }

  /// A date-time near the valid ones: one part pushed to or past its limits. Some stay valid;
  /// the checker decides.
  mutating func nearTime() -> String {
    var parts = validTime()
    switch rng.below(27) {
    case 0: parts.month = "00"
    case 1: parts.month = "13"
    case 2: parts.day = "00"
    case 3:
      let year = Int(parts.year) ?? 2026
      let month = Int(parts.month) ?? 1
      parts.day = pad(TimeCheck.daysIn(year: year, month: month) + 1, 2)
    case 4:
      parts.year = rng.pick(["1900", "2000", "2024", "2025", "2100", "0000", "2400"])
      parts.month = "02"
      parts.day = "29"
    case 5: parts.hour = "24"
    case 6: parts.minute = "60"
    case 7: parts.second = "60"
    case 8: parts.second = "61"
    case 9: parts.zone = "+24:00"
    case 10: parts.zone = "-03:60"
    case 11: parts.zone = ""
    case 12: parts.separator = " "
    case 13: parts.fraction = "."
    case 14: parts.zone = "+0300"
    case 15: parts.zone += " "
    case 16: parts.year = "20260"
    case 17: parts.month = "1"
    case 18: parts.zone = "+3:00"
    case 19: parts.fraction = "," + digits(3)
    case 20: parts.zone = "ZZ"
    case 21: return parts.year + "-" + parts.month + "-" + parts.day
    case 22: parts.day = "32"
    case 23: parts.separator = "_"
    case 24: parts.fraction = "." + digits(30)
    case 25: parts.hour = "9"
    default: parts.zone = "+23:59"
    }
    return parts.text
  }

  mutating func timeLiteral(_ text: String) -> String {
    "\"" + (rng.chance(5) ? escapeOne(text) : text) + "\""
  }

  mutating func member(_ name: String, _ value: String) -> Member {
    let key = "\"" + (rng.chance(5) ? escapeOne(name) : name) + "\""
    return Member(name: name, key: key, value: value)
  }

  // MARK: Events

  mutating func value(for field: Spec.Field, detainees: inout Int64) -> String {
    switch field.rule {
    case .identifier:
      return identifier()
    case .text:
      return text()
    case .count(let minimum):
      if field.key == "high_value" { return countText(count(minimum: 0, maximum: detainees)) }
      let value = count(minimum: minimum)
      if field.key == "detainees" { detainees = value }
      return countText(value)
    case .choice(let options):
      let option = rng.pick(options)
      return "\"" + (rng.chance(5) ? escapeOne(option) : option) + "\""
    case .time:
      return timeLiteral(validTime().text)
    }
  }

  /// A valid event of `type` (an unknown type gets the fields of some known type).
  mutating func event(type: String, fieldsOf known: String) -> [Member] {
    var members = [
      member("ts", timeLiteral(validTime().text)),
      member("type", "\"" + (rng.chance(5) ? escapeOne(type) : type) + "\""),
    ]
    if rng.chance(70) { members.append(member("id", identifier())) }
    if Spec.decisions.contains(known) {
      members.append(member("by", identifier()))
    } else if rng.chance(25) {
      members.append(member("by", rng.chance(15) ? "\"\"" : identifier()))
    }
    let fields = Spec.fields(of: known)
    var chosen = Set(fields.filter { !$0.required && rng.chance(50) }.map(\.key))
    let needed = Spec.needsOneOf(known)
    if !needed.isEmpty, chosen.isDisjoint(with: needed) { chosen.insert(rng.pick(needed)) }
    var detainees: Int64 = 1
    for field in fields where field.required || chosen.contains(field.key) {
      members.append(member(field.key, value(for: field, detainees: &detainees)))
    }
    for _ in 0..<rng.below(4) {
      let extra =
        rng.chance(2) ? (rng.chance(50) ? "1e999" : "[2e308]") : rng.pick(Self.extraValues)
      members.append(Member(name: "", key: "\"" + rng.pick(Self.extraKeys) + "\"", value: extra))
    }
    rng.shuffle(&members)
    return members
  }

  // MARK: Mutations

  mutating func set(_ name: String, _ value: String, in members: inout [Member]) {
    if let index = members.lastIndex(where: { $0.name == name }) {
      members[index].value = value
    } else {
      let added = member(name, value)
      let position = rng.below(members.count + 1)
      members.insert(added, at: position)
    }
  }

  mutating func mutate(_ members: inout [Member], type: String) {
    guard !members.isEmpty else { return }
    let index = rng.below(members.count)
    switch rng.below(14) {
    case 0:
      members.remove(at: index)
    case 1:
      members[index].value = "null"
    case 2:
      let numeric = members.indices.filter {
        members[$0].value.first.map { $0 == "-" || ("0"..."9").contains($0) } == true
      }
      members[numeric.isEmpty ? index : rng.pick(numeric)].value = rng.pick(Self.numberReplacements)
    case 3:
      members[index].value = rng.pick(Self.wrongTypes)
    case 4:
      members[index].value = rng.pick(Self.enumSpellings)
    case 5:
      let name = type == "airlift.requested" && rng.chance(50) ? "etd" : "ts"
      let time = "\"" + nearTime() + "\""
      set(name, time, in: &members)
    case 6:
      let detainees = count(minimum: 0, maximum: 5)
      let highValue = detainees + Int64(rng.below(3))
      set("detainees", String(detainees), in: &members)
      set("high_value", String(highValue), in: &members)
    case 7:
      let strings = members.indices.filter { members[$0].value.hasPrefix("\"") }
      let target = strings.isEmpty ? index : rng.pick(strings)
      var value = members[target].value
      let surrogate = rng.pick(Self.surrogates)
      if value.hasPrefix("\""), value.count >= 2 {
        let position =
          rng.chance(50)
          ? value.index(after: value.startIndex) : value.index(before: value.endIndex)
        value.insert(contentsOf: surrogate, at: position)
      } else {
        value = "\"" + surrogate + "\""
      }
      members[target].value = value
    case 8:
      var copy = members[index]
      let another = identifier()
      copy.value = rng.pick(Self.wrongTypes + Self.numberReplacements + [another])
      let position = rng.below(members.count + 1)
      members.insert(copy, at: position)
    case 9:
      let other = "\"" + rng.pick(Spec.types) + "\""
      set("type", other, in: &members)
    case 10:
      switch rng.below(5) {
      case 0: members.removeAll { $0.name == "by" }
      case 1: set("by", "\"\"", in: &members)
      default:
        let operatorName = identifier()
        let by = rng.pick(["5", "null", "true", "[\"a\"]", operatorName])
        set("by", by, in: &members)
      }
    case 11:
      let optionals: Set<String> = ["capacity", "occupancy", "status", "severity", "summary"]
      members.removeAll { optionals.contains($0.name) }
    case 12:
      let ids: Set<String> = [
        "facility", "airlift", "incident", "origin", "destination", "sector", "name", "kind",
      ]
      let targets = members.indices.filter { ids.contains(members[$0].name) }
      members[targets.isEmpty ? index : rng.pick(targets)].value = "\"\""
    default:
      let id = rng.pick(["5", "null", "true", "[]", "\"\"", "{}"])
      set("id", id, in: &members)
    }
  }

  mutating func mutate(_ bytes: inout [UInt8]) {
    switch rng.below(5) {
    case 0:
      if !bytes.isEmpty { bytes.remove(at: rng.below(bytes.count)) }
    case 1:
      bytes.insert(contentsOf: rng.pick(Self.interestingBytes), at: rng.below(bytes.count + 1))
    case 2:
      if !bytes.isEmpty {
        let index = rng.below(bytes.count)
        bytes.replaceSubrange(index...index, with: rng.pick(Self.interestingBytes))
      }
    case 3:
      bytes = Array(bytes.prefix(rng.below(bytes.count + 1)))
    default:
      if bytes.count >= 2 { bytes.swapAt(rng.below(bytes.count), rng.below(bytes.count)) }
    }
  }

  // MARK: Lines

  mutating func space() -> String {
    switch rng.below(24) {
    case 0..<14: ""
    case 14..<19: " "
    case 19: "\t"
    case 20: "  "
    case 21: " \t "
    case 22: " \r "
    default: "\n"
    }
  }

  mutating func render(_ members: [Member]) -> [UInt8] {
    var text = space() + "{" + space()
    for (index, member) in members.enumerated() {
      if index > 0 { text += space() + "," + space() }
      text += member.key + space() + ":" + space() + member.value
    }
    if rng.chance(2), !members.isEmpty { text += space() + "," }
    text += space() + "}" + space()
    return Array(text.utf8)
  }

  mutating func next() -> (line: [UInt8], origin: Origin) {
    let roll = rng.below(100)
    if roll == 0 { return (Array(rng.pick(["", " ", "\t", " \t ", "  \r"]).utf8), .blank) }
    if roll == 1 {
      let text = rng.pick(["[1]", "\"x\"", "null", "1", "[{\"ts\":1}]", "true", " [] "])
      return (Array(text.utf8), .notObject)
    }
    let known = rng.pick(Spec.types)
    let type = rng.chance(5) ? rng.pick(Self.unknownTypes) : known
    var members = event(type: type, fieldsOf: known)
    let origin: Origin =
      switch roll {
      case 2..<32: .valid
      case 32..<67: .structured
      case 67..<90: .bytes
      default: .structuredAndBytes
      }
    if origin == .structured || origin == .structuredAndBytes {
      for _ in 0...rng.below(2) { mutate(&members, type: known) }
    }
    var line = render(members)
    if origin == .bytes || origin == .structuredAndBytes {
      for _ in 0...rng.below(2) { mutate(&line) }
    }
    if rng.chance(3) { line.append(0x0D) }
    return (line, origin)
  }
}

// MARK: - Both parsers

/// Our scanner's view of a line: its top-level members (keys unescaped) or its error.
private struct Scanned {
  var members: [(key: [UInt8], value: JSONValue)] = []
  /// The last member of each name: both parsers keep the last of duplicate names.
  var byName: [[UInt8]: JSONValue] = [:]
  var error: JSONSyntaxError?

  /// The schema's member names, computed once (`EventField.key` goes through reflection).
  static let fieldKeys = EventField.allCases.map { (key: $0.key, bytes: Array($0.key.utf8)) }

  static func scan(_ line: [UInt8]) -> Scanned {
    var result = Scanned()
    line.withUnsafeBytes { raw in
      var scanner = JSONScanner(raw)
      var members: [(key: [UInt8], value: JSONValue)] = []
      var scratch: [UInt8] = []
      do throws(JSONSyntaxError) {
        try scanner.scanObject { key, value throws(JSONSyntaxError) in
          unescapeJSONString(
            UnsafeRawBufferPointer(rebasing: raw[key.start..<key.end]), into: &scratch)
          members.append((scratch, value))
        }
      } catch {
        result.error = error
      }
      result.members = members
    }
    for (key, value) in result.members { result.byName[key] = value }
    return result
  }
}

private enum Oracle {
  static func parse(_ line: [UInt8]) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(line), options: [])) as? [String: Any]
  }
}

/// A top-level value as the oracle sees it, typed the way the schema asks.
private enum OracleValue: Equatable {
  case missing
  case string([UInt8])
  /// A number written as a JSON integer that fits in 64 bits.
  case integer(Int64)
  /// Any other number: with a fraction or exponent, or out of the 64-bit range.
  case number
  case bool(Bool)
  case null
  case object
  case array
  case unexpected

  /// `token` is the number's text, to tell `3` from `3.0` (the oracle gives 1.0 as a Double but
  /// long fractions as an NSDecimalNumber).
  init(_ value: Any?, token: [UInt8]?) {
    guard let value else {
      self = .missing
      return
    }
    if let string = value as? String {
      self = .string(Array(string.utf8))
    } else if value is NSNull {
      self = .null
    } else if value is [String: Any] {
      self = .object
    } else if value is [Any] {
      self = .array
    } else if let number = value as? NSNumber {
      if String(cString: number.objCType) == "c" {
        self = .bool(number.boolValue)
      } else if let token, let integer = Numbers.integer(token),
        Numbers.oracle(number, equals: integer)
      {
        self = .integer(integer)
      } else {
        self = .number
      }
    } else {
      self = .unexpected
    }
  }
}

private enum Numbers {
  /// The value of a token written as a JSON integer (`-?(0|[1-9][0-9]*)`) that fits Int64.
  static func integer(_ token: [UInt8]) -> Int64? {
    var digits = token[...]
    if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
    guard let first = digits.first, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      first != 0x30 || digits.count == 1
    else { return nil }
    return Int64(String(decoding: token, as: UTF8.self))
  }

  static func isIntegerGrammar(_ token: [UInt8]) -> Bool {
    var digits = token[...]
    if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
    return !digits.isEmpty && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  static func oracle(_ number: NSNumber, equals value: Int64) -> Bool {
    if number is NSDecimalNumber { return number.stringValue == String(value) }
    switch String(cString: number.objCType) {
    case "d", "f": return number.doubleValue == Double(value)
    case "Q", "L", "I", "S", "C": return value >= 0 && number.uint64Value == UInt64(value)
    default: return number.int64Value == value
    }
  }

  static func isIntegral(_ number: NSNumber) -> Bool {
    if number is NSDecimalNumber {
      return !number.stringValue.contains(".") && !number.stringValue.contains("e")
    }
    switch String(cString: number.objCType) {
    case "d", "f": return number.doubleValue.rounded() == number.doubleValue
    default: return true
    }
  }
}

// MARK: - Documented differences

private enum DocumentedDifference {
  /// The line without its trailing commas (a `,` before `}` or `]`, outside strings).
  static func withoutTrailingCommas(_ line: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var inString = false
    var escaped = false
    var index = 0
    while index < line.count {
      let byte = line[index]
      index += 1
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        out.append(byte)
        continue
      }
      if byte == UInt8(ascii: "\"") { inString = true }
      if byte == UInt8(ascii: ",") {
        var next = index
        while next < line.count, [0x20, 0x09, 0x0A, 0x0D].contains(line[next]) { next += 1 }
        if next < line.count, line[next] == UInt8(ascii: "}") || line[next] == UInt8(ascii: "]") {
          continue
        }
      }
      out.append(byte)
    }
    return out
  }

  /// The line with each number beyond Double's range (which Foundation refuses) replaced by an
  /// in-range number of the same JSON class: an integer too large for Int64, or `1e308`.
  static func withNumbersInDoubleRange(_ line: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var inString = false
    var escaped = false
    var index = 0
    while index < line.count {
      let byte = line[index]
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        out.append(byte)
        index += 1
        continue
      }
      if byte == UInt8(ascii: "\"") { inString = true }
      guard byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) else {
        out.append(byte)
        index += 1
        continue
      }
      var end = index
      while end < line.count, Array("0123456789+-.eE".utf8).contains(line[end]) { end += 1 }
      let token = Array(line[index..<end])
      if let value = Double(String(decoding: token, as: UTF8.self)), value.isInfinite {
        out += Array((Numbers.isIntegerGrammar(token) ? "99999999999999999999" : "1e308").utf8)
      } else {
        out += token
      }
      index = end
    }
    return out
  }
}

// MARK: - Expectations

/// How a line should be classified.
private enum Verdict: Equatable, CustomStringConvertible {
  case blank
  case malformed
  case event(String)
  case unknownType

  var description: String {
    switch self {
    case .blank: "blank"
    case .malformed: "malformed"
    case .event(let type): "event \(type)"
    case .unknownType: "unknown type"
    }
  }

  init(_ decoded: DecodedLine) {
    switch decoded {
    case .blank: self = .blank
    case .malformed: self = .malformed
    case .event(_, _, let body): self = .event(body.type?.name ?? "?")
    case .unknownType: self = .unknownType
    }
  }
}

private enum SchemaCheck {
  static func satisfies(_ value: OracleValue, _ rule: Spec.Rule) -> Bool {
    switch (rule, value) {
    case (.identifier, .string(let text)): !text.isEmpty
    case (.text, .string): true
    case (.count(let minimum), .integer(let number)): number >= minimum
    case (.choice(let options), .string(let text)): options.contains { Array($0.utf8) == text }
    case (.time, .string(let text)): TimeCheck.instant(text) != nil
    default: false
    }
  }

  /// The classification the spec asks for, with the first rule found broken.
  static func classify(_ values: (String) -> OracleValue) -> (Verdict, String) {
    guard case .string(let ts) = values("ts"), TimeCheck.instant(ts) != nil else {
      return (.malformed, "ts")
    }
    guard case .string(let typeBytes) = values("type") else { return (.malformed, "type") }
    switch values("id") {
    case .missing, .string: break
    default: return (.malformed, "id")
    }
    guard let type = Spec.types.first(where: { Array($0.utf8) == typeBytes }) else {
      return (.unknownType, "")
    }
    switch values("by") {
    case .missing:
      if Spec.decisions.contains(type) { return (.malformed, "by missing") }
    case .string(let by):
      if Spec.decisions.contains(type) && by.isEmpty { return (.malformed, "by empty") }
    default:
      return (.malformed, "by type")
    }
    for field in Spec.fields(of: type) {
      let value = values(field.key)
      if value == .missing {
        if field.required { return (.malformed, "\(field.key) missing") }
        continue
      }
      guard satisfies(value, field.rule) else { return (.malformed, "\(field.key) invalid") }
    }
    if type == "airlift.requested", case .integer(let highValue) = values("high_value"),
      case .integer(let detainees) = values("detainees"), highValue > detainees
    {
      return (.malformed, "high_value above detainees")
    }
    let needed = Spec.needsOneOf(type)
    if !needed.isEmpty, needed.allSatisfy({ values($0) == .missing }) {
      return (.malformed, "needs one of \(needed)")
    }
    return (.event(type), "")
  }

  static func timeKey(_ time: (seconds: Int64, nanoseconds: UInt32)) -> [UInt8] {
    Array("\(time.seconds).\(time.nanoseconds)".utf8)
  }

  /// The fields of a valid event as the decoder should report them (defaults filled in).
  static func projection(type: String, _ values: (String) -> OracleValue) -> [String: [UInt8]] {
    var out: [String: [UInt8]] = [:]
    if case .string(let by) = values("by"), !by.isEmpty { out["by"] = by }
    for field in Spec.fields(of: type) {
      switch values(field.key) {
      case .string(let text):
        if case .time = field.rule, let time = TimeCheck.instant(text) {
          out[field.key] = timeKey(time)
        } else {
          out[field.key] = text
        }
      case .integer(let number):
        out[field.key] = Array(String(number).utf8)
      default:
        if let fallback = Spec.defaults[field.key] { out[field.key] = Array(fallback.utf8) }
      }
    }
    return out
  }

  /// The fields of a decoded event, by their log names.
  static func projection(of body: EventBody, by: Symbol, tables: SymbolTables)
    -> [String: [UInt8]]
  {
    var out: [String: [UInt8]] = [:]
    func symbol(_ key: String, _ value: Symbol, _ table: Interner) {
      if !value.isNone { out[key] = table.withBytes(value) { Array($0) } }
    }
    func number(_ key: String, _ value: Int64) {
      if value >= 0 { out[key] = Array(String(value).utf8) }
    }
    func name(_ key: String, _ value: String?) {
      if let value { out[key] = Array(value.utf8) }
    }
    symbol("by", by, tables.texts)
    switch body {
    case .facilityRegistered(let registration):
      symbol("facility", registration.facility, tables.facilities)
      symbol("name", registration.name, tables.texts)
      symbol("region", registration.region, tables.texts)
      name("side", registration.side.name)
      name("security", registration.security.name)
      number("capacity", registration.capacity)
      number("occupancy", registration.occupancy)
    case .facilityUpdated(let update):
      symbol("facility", update.facility, tables.facilities)
      number("capacity", update.capacity)
      number("occupancy", update.occupancy)
      name("status", update.status?.name)
    case .airliftRequested(let request):
      symbol("airlift", request.airlift, tables.airlifts)
      symbol("origin", request.origin, tables.facilities)
      symbol("destination", request.destination, tables.facilities)
      number("detainees", request.detainees)
      number("high_value", request.highValue)
      out["etd"] = timeKey((request.etd.seconds, request.etd.nanoseconds))
      name("priority", request.priority.name)
      symbol("note", request.note, tables.texts)
    case .airliftApproved(let airlift, let note):
      symbol("airlift", airlift, tables.airlifts)
      symbol("note", note, tables.texts)
    case .airliftDenied(let airlift, let reason), .airliftHeld(let airlift, let reason),
      .airliftCancelled(let airlift, let reason):
      symbol("airlift", airlift, tables.airlifts)
      symbol("reason", reason, tables.texts)
    case .airliftDiverted(let airlift, let destination, let reason):
      symbol("airlift", airlift, tables.airlifts)
      symbol("destination", destination, tables.facilities)
      symbol("reason", reason, tables.texts)
    case .airliftDeparted(let airlift):
      symbol("airlift", airlift, tables.airlifts)
    case .airliftLanded(let airlift, let delivered):
      symbol("airlift", airlift, tables.airlifts)
      number("delivered", delivered)
    case .detaineesRepatriated(let count, let facility, let country):
      symbol("facility", facility, tables.facilities)
      number("count", count)
      symbol("country", country, tables.texts)
    case .incidentReported(let report):
      symbol("incident", report.incident, tables.incidents)
      symbol("sector", report.sector, tables.texts)
      name("severity", report.severity.name)
      symbol("kind", report.kind, tables.texts)
      symbol("summary", report.summary, tables.texts)
      symbol("facility", report.facility, tables.facilities)
    case .incidentUpdated(let update):
      symbol("incident", update.incident, tables.incidents)
      name("severity", update.severity?.name)
      symbol("summary", update.summary, tables.texts)
    case .incidentAcknowledged(let incident):
      symbol("incident", incident, tables.incidents)
    case .incidentResolved(let incident, let note):
      symbol("incident", incident, tables.incidents)
      symbol("note", note, tables.texts)
    case .none:
      break
    }
    return out
  }
}

// MARK: - The differential run

private struct Tally {
  var lines = 0
  var blank = 0
  var malformedJSON = 0
  var malformedSchema = 0
  var events = 0
  var unknownType = 0
  var trailingComma = 0
  var beyondDouble = 0
  var duplicateNames = 0
  var byOrigin: [Origin: Int] = [:]
  var byType: [String: Int] = [:]
  var byReason: [String: Int] = [:]
  var failures = 0
  var failureKinds: [String: Int] = [:]
}

private struct DifferentialRun {
  let tables = SymbolTables()
  let decoder: EventDecoder
  var tally = Tally()

  init() { decoder = EventDecoder(tables: tables) }

  static func show(_ line: [UInt8]) -> String {
    var out = ""
    for byte in line.prefix(600) {
      if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") {
        out.append(Character(Unicode.Scalar(byte)))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        out += "\\x" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return line.count > 600 ? out + "…" : out
  }

  mutating func fail(_ what: String, _ line: [UInt8]) {
    tally.failures += 1
    tally.failureKinds[String(what.prefix(28)), default: 0] += 1
    if tally.failures <= 25 { Issue.record("\(what)\n  line: \(Self.show(line))") }
  }

  mutating func check(_ line: [UInt8], origin: Origin) {
    tally.lines += 1
    tally.byOrigin[origin, default: 0] += 1
    let decoded = line.withUnsafeBytes { decoder.decode($0) }
    let observed = Verdict(decoded)

    var content = line[...]
    if content.last == 0x0D { content = content.dropLast() }
    if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
      tally.blank += 1
      if observed != .blank { fail("blank line decoded as \(observed)", line) }
      return
    }

    // (a) and (b): which texts are JSON objects.
    let scanned = Scanned.scan(line)
    var effective = line
    var effectiveScan = scanned
    var parsed = Oracle.parse(line)
    switch (parsed, scanned.error) {
    case (nil, nil):
      let normalized = DocumentedDifference.withNumbersInDoubleRange(line)
      let again = normalized == line ? nil : Oracle.parse(normalized)
      let rescanned = Scanned.scan(normalized)
      guard let again, rescanned.error == nil else {
        fail("(a) our scanner accepts a line JSONSerialization refuses", line)
        return
      }
      tally.beyondDouble += 1
      effective = normalized
      effectiveScan = rescanned
      parsed = again
    case (_?, let error?):
      let fixed = DocumentedDifference.withoutTrailingCommas(line)
      guard fixed != line, Scanned.scan(fixed).error == nil else {
        fail("(b) our scanner refuses a line JSONSerialization accepts: \(error.message)", line)
        return
      }
      tally.trailingComma += 1
      parsed = nil
    default:
      break
    }

    guard let dictionary = parsed, effectiveScan.error == nil else {
      tally.malformedJSON += 1
      guard case .malformed(let reason, let ts) = decoded else {
        fail("invalid JSON decoded as \(observed)", line)
        return
      }
      if !reason.hasPrefix("not valid JSON") { fail("invalid JSON, reason \(reason)", line) }
      if !ts.isMissing { fail("invalid JSON yet a ts", line) }
      return
    }

    // (c): the members the schema knows have the same values.
    compareMembers(effective, effectiveScan, dictionary, line: line)

    // (d): the classification.
    func oracleValue(_ key: String) -> OracleValue {
      let token = effectiveScan.byName[Array(key.utf8)].map { Array(effective[$0.start..<$0.end]) }
      return OracleValue(dictionary[key], token: token)
    }
    // Computed once per line (casts are slow in debug); a name the spec has and EventField
    // lacks is still looked up in the oracle's dictionary.
    var oracleValues: [String: OracleValue] = [:]
    for field in Scanned.fieldKeys { oracleValues[field.key] = oracleValue(field.key) }
    let values: (String) -> OracleValue = { oracleValues[$0] ?? oracleValue($0) }
    let (expected, reason) = SchemaCheck.classify(values)
    if expected != observed {
      var message = "(d) decoded as \(observed), the spec says \(expected)"
      if !reason.isEmpty { message += " (\(reason))" }
      if case .malformed(let why, _) = decoded { message += "; decoder: \(why)" }
      fail(message, line)
      return
    }
    checkDetails(decoded, values, line: line)
    switch expected {
    case .blank: break
    case .malformed:
      tally.malformedSchema += 1
      tally.byReason[reason, default: 0] += 1
    case .event(let type):
      tally.events += 1
      tally.byType[type, default: 0] += 1
    case .unknownType:
      tally.unknownType += 1
    }
  }

  /// (c) for one line both parsers accept.
  mutating func compareMembers(
    _ effective: [UInt8], _ scanned: Scanned, _ dictionary: [String: Any], line: [UInt8]
  ) {
    if scanned.byName.count < scanned.members.count { tally.duplicateNames += 1 }
    if Set(scanned.byName.keys) != Set(dictionary.keys.map { Array($0.utf8) }) {
      fail("(c) member names differ", line)
    }
    for field in Scanned.fieldKeys {
      let ours = scanned.byName[field.bytes]
      let theirs = dictionary[field.key]
      guard let ours, let theirs else {
        if (ours == nil) != (theirs == nil) { fail("(c) \(field.key): presence differs", line) }
        continue
      }
      let token = Array(effective[ours.start..<ours.end])
      var agree: Bool
      switch ours.kind {
      case .string:
        var unescaped: [UInt8] = []
        token.withUnsafeBytes { unescapeJSONString($0, into: &unescaped) }
        agree = (theirs as? String).map { Array($0.utf8) == unescaped } ?? false
      case .integer, .bigInteger, .fraction:
        guard let number = theirs as? NSNumber, String(cString: number.objCType) != "c" else {
          agree = false
          break
        }
        let expectedKind: JSONValueKind
        if Numbers.isIntegerGrammar(token) && Numbers.isIntegral(number) {
          expectedKind = Numbers.integer(token) == nil ? .bigInteger : .integer
        } else {
          expectedKind = .fraction
        }
        agree = ours.kind == expectedKind
        if ours.kind == .integer {
          agree =
            agree && Numbers.integer(token) == ours.integer
            && Numbers.oracle(number, equals: ours.integer)
        }
        if ours.kind == .fraction, !(number is NSDecimalNumber) {
          agree = agree && Double(String(decoding: token, as: UTF8.self)) == number.doubleValue
        }
      case .bool:
        let number = theirs as? NSNumber
        agree =
          number.map { String(cString: $0.objCType) == "c" && $0.boolValue == (ours.integer == 1) }
          ?? false
      case .null:
        agree = theirs is NSNull
      case .object:
        agree = theirs is [String: Any]
      case .array:
        agree = theirs is [Any]
      }
      if !agree { fail("(c) \(field.key): ours \(ours.kind) vs oracle \(theirs)", line) }
    }
  }

  /// Values of a line whose classification agrees: ts, id, and an event's fields.
  mutating func checkDetails(
    _ decoded: DecodedLine, _ values: (String) -> OracleValue, line: [UInt8]
  ) {
    var expectedTS: (seconds: Int64, nanoseconds: UInt32)?
    var written: [UInt8] = []
    if case .string(let text) = values("ts") {
      expectedTS = TimeCheck.instant(text)
      written = text
    }
    let ts: Timestamp
    switch decoded {
    case .blank: return
    case .malformed(_, let stamp): ts = stamp
    case .event(let stamp, _, _), .unknownType(let stamp, _): ts = stamp
    }
    if let expectedTS {
      if ts.isMissing || ts.seconds != expectedTS.seconds
        || ts.nanoseconds != expectedTS.nanoseconds
      {
        fail("ts decoded as \(ts.seconds).\(ts.nanoseconds), expected \(expectedTS)", line)
      } else if Array(tables.text(ts).utf8) != written {
        fail("ts printed back as \(tables.text(ts))", line)
      }
    } else if !ts.isMissing {
      fail("ts decoded from an invalid date-time", line)
    }

    switch decoded {
    case .event(_, let by, let body):
      guard let type = body.type?.name else { return }
      let expected = SchemaCheck.projection(type: type, values)
      let observed = SchemaCheck.projection(of: body, by: by, tables: tables)
      if expected != observed {
        let difference = Set(expected.keys).union(observed.keys).filter {
          expected[$0] != observed[$0]
        }
        fail("event fields differ: \(difference.sorted())", line)
      }
      checkLineID(values, line: line)
    case .unknownType(_, let type):
      if case .string(let text) = values("type"), Array(type.utf8) != text {
        fail("unknown type reported as \(type)", line)
      }
      checkLineID(values, line: line)
    default:
      if decoder.hasLineID { fail("a malformed line keeps an id", line) }
    }
  }

  mutating func checkLineID(_ values: (String) -> OracleValue, line: [UInt8]) {
    if case .string(let id) = values("id") {
      if !decoder.hasLineID || decoder.lineID != id { fail("line id differs", line) }
    } else if decoder.hasLineID {
      fail("a line without id has one", line)
    }
  }
}

// MARK: - Helpers for the spot tests

private enum Probe {
  static func object(rawString content: [UInt8]) -> [UInt8] {
    Array(#"{"a":""#.utf8) + content + Array(#""}"#.utf8)
  }

  static func scannerAccepts(_ line: [UInt8]) -> Bool { Scanned.scan(line).error == nil }

  static func oracleAccepts(_ line: [UInt8]) -> Bool { Oracle.parse(line) != nil }

  static func decode(_ line: [UInt8], tables: SymbolTables = SymbolTables()) -> DecodedLine {
    let decoder = EventDecoder(tables: tables)
    return line.withUnsafeBytes { decoder.decode($0) }
  }

  static func isMalformedJSON(_ decoded: DecodedLine) -> Bool {
    if case .malformed(let reason, _) = decoded { return reason.hasPrefix("not valid JSON") }
    return false
  }

  /// Asserts both parsers refuse `line` and the decoder reports it as malformed JSON.
  static func expectRefusedByBoth(
    _ line: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let shown = DifferentialRun.show(line)
    #expect(
      !scannerAccepts(line), "scanner accepts \(label): \(shown)", sourceLocation: sourceLocation)
    #expect(
      !oracleAccepts(line), "oracle accepts \(label): \(shown)", sourceLocation: sourceLocation)
    #expect(isMalformedJSON(decode(line)), "decoder: \(label)", sourceLocation: sourceLocation)
  }

  static func expectAcceptedByBoth(
    _ line: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let shown = DifferentialRun.show(line)
    #expect(
      scannerAccepts(line), "scanner refuses \(label): \(shown)", sourceLocation: sourceLocation)
    #expect(
      oracleAccepts(line), "oracle refuses \(label): \(shown)", sourceLocation: sourceLocation)
  }

  static func nested(_ depth: Int, open: String, close: String, inner: String = "") -> [UInt8] {
    Array(
      ("{\"a\":" + String(repeating: open, count: depth) + inner
        + String(repeating: close, count: depth) + "}").utf8)
  }
}

// MARK: - Tests

struct DecoderOracleTests {
  @Test func decoderAgreesWithJSONSerializationOnGeneratedLines() {
    let clock = ContinuousClock()
    let start = clock.now
    var generator = LineGenerator(rng: SplitMix64(seed: 0x5EED_2026_0121_0600))
    var run = DifferentialRun()
    for _ in 0..<20_000 {
      let (line, origin) = generator.next()
      run.check(line, origin: origin)
    }
    let tally = run.tally
    let elapsed = clock.now - start
    let origins = Origin.allCases.map { "\($0.rawValue) \(tally.byOrigin[$0] ?? 0)" }
    let types = Spec.types.map { "\($0) \(tally.byType[$0] ?? 0)" }
    let reasons = tally.byReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
    print(
      """
      DecoderOracle: \(tally.lines) lines, checked in \(elapsed)
        blank \(tally.blank), malformed JSON \(tally.malformedJSON), \
      malformed by schema \(tally.malformedSchema), events \(tally.events), \
      unknown type \(tally.unknownType)
        documented differences: trailing comma \(tally.trailingComma), \
      number beyond Double \(tally.beyondDouble); lines with duplicate names \(tally.duplicateNames)
        origins: \(origins.joined(separator: ", "))
        events by type: \(types.joined(separator: ", "))
        malformed by schema, first rule broken: \(reasons.joined(separator: ", "))
      """)
    #expect(tally.failures == 0, "failures by kind: \(tally.failureKinds)")
    #expect(tally.blank > 0)
    #expect(tally.malformedJSON > 0)
    #expect(tally.malformedSchema > 0)
    #expect(tally.events > 0)
    #expect(tally.unknownType > 0)
    #expect(tally.trailingComma > 0)
    #expect(tally.beyondDouble > 0)
    #expect(tally.duplicateNames > 0)
    for type in Spec.types {
      #expect((tally.byType[type] ?? 0) > 0, "no valid \(type) line")
    }
  }

  @Test func numbersOutsideTheGrammarAreRefused() {
    for number in [
      "NaN", "Infinity", "-Infinity", "+1", "01", "-01", "00", "1.", ".5", "1e", "1e+", "0x10",
      "--1", "-", "1.e3", "1_000", "١",
    ] {
      Probe.expectRefusedByBoth(Array("{\"a\":\(number)}".utf8), number)
    }
    for number in ["0", "-0", "0.5", "-1.5e-3", "1E+2", "9223372036854775808", "1e308"] {
      Probe.expectAcceptedByBoth(Array("{\"a\":\(number)}".utf8), number)
    }
  }

  @Test func trailingGarbageIsRefused() {
    for line in [
      #"{"a":1} x"#, #"{"a":1}{}"#, #"{"a":1}}"#, #"{"a":1},"#, #"{"a":1} //"#, #"{"a":1"#,
      #"{"a" 1}"#, #"{a:1}"#, #"{'a':1}"#, #"{"a":1 /* c */}"#, #"{"a":tru}"#, #"{"a":True}"#,
      #"{"a":1,,"b":2}"#, #"{,"a":1}"#, "{\"a\":1}\u{0B}", "{\"a\":1}\u{0C}", "{\"a\":1}\u{A0}",
    ] {
      Probe.expectRefusedByBoth(Array(line.utf8), line)
    }
    Probe.expectRefusedByBoth(Array(#"{"a":1}"#.utf8) + [0x00], "trailing NUL")
  }

  @Test func rawControlCharactersInStringsAreRefused() {
    for byte: UInt8 in [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0D, 0x1B, 0x1F] {
      Probe.expectRefusedByBoth(Probe.object(rawString: [0x61, byte, 0x62]), "raw byte \(byte)")
    }
    Probe.expectAcceptedByBoth(Probe.object(rawString: [0x7F]), "DEL")
    Probe.expectAcceptedByBoth(Array(#"{"a":"\u0000\u001f\t"}"#.utf8), "escaped controls")
  }

  /// Every byte value at every offset of a string (around the scanner's 8-byte steps) is
  /// accepted or refused as Foundation does it.
  @Test func everyByteAtEveryOffsetOfAStringAgreesWithTheOracle() {
    var disagreements: [String] = []
    for length in [1, 7, 8, 9, 16, 17, 25] {
      for offset in 0..<length {
        for byte in 0...255 {
          var content = [UInt8](repeating: UInt8(ascii: "a"), count: length)
          content[offset] = UInt8(byte)
          let line = Probe.object(rawString: content)
          if Probe.scannerAccepts(line) != Probe.oracleAccepts(line) {
            disagreements.append("length \(length), byte \(byte) at \(offset)")
          }
        }
        for sequence: [UInt8] in [[0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80]] {
          var content = [UInt8](repeating: UInt8(ascii: "a"), count: length)
          content.replaceSubrange(offset..<offset + 1, with: sequence)
          #expect(Probe.scannerAccepts(Probe.object(rawString: content)))
        }
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
  }

  @Test func invalidEscapesAreRefused() {
    for escape in [
      #"\x41"#, #"\u12G4"#, #"\u123"#, #"\U0041"#, #"\'"#, #"\a"#, #"\0"#, #"\u{41}"#, #"\"#,
      #"\ "#, #"\uD83D\u"#, #"\uD83D\uDE0"#,
    ] {
      Probe.expectRefusedByBoth(Probe.object(rawString: Array(escape.utf8)), escape)
    }
    for escape in [#"\"\\\/\b\f\n\r\t"#, #"\u00e9\u00E9\uFFFF\u0000"#] {
      Probe.expectAcceptedByBoth(Probe.object(rawString: Array(escape.utf8)), escape)
    }
  }

  @Test func loneSurrogatesAreRefused() {
    for escape in [
      #"\ud800"#, #"\udbff"#, #"\udc00"#, #"\udfff"#, #"\ud800\u0041"#, #"\ud800x"#,
      #"\ud800\ud800"#, #"\udc00\ud800"#, #"\ud800\n"#, #"x\uD83D"#, #"\uDE00\uD83D"#,
    ] {
      Probe.expectRefusedByBoth(Probe.object(rawString: Array(escape.utf8)), escape)
    }
    Probe.expectRefusedByBoth(Array(#"{"\ud800":1}"#.utf8), "lone surrogate in a name")
    let event = Array(
      #"{"ts":"2026-01-21T06:00:00Z","type":"airlift.departed","airlift":"a\ud83d"}"#.utf8)
    #expect(Probe.isMalformedJSON(Probe.decode(event)))

    let pair = Probe.object(rawString: Array(#"\ud83d\ude00\uDBFF\uDFFF"#.utf8))
    Probe.expectAcceptedByBoth(pair, "surrogate pairs")
    var unescaped: [UInt8] = []
    Array(#"\ud83d\ude00\uDBFF\uDFFF"#.utf8).withUnsafeBytes {
      unescapeJSONString($0, into: &unescaped)
    }
    #expect(unescaped == [0xF0, 0x9F, 0x98, 0x80, 0xF4, 0x8F, 0xBF, 0xBF])
  }

  @Test func invalidUTF8IsRefused() {
    let invalid: [(String, [UInt8])] = [
      ("overlong C0 80", [0xC0, 0x80]), ("overlong C1 BF", [0xC1, 0xBF]),
      ("overlong E0 80 80", [0xE0, 0x80, 0x80]),
      ("overlong F0 80 80 80", [0xF0, 0x80, 0x80, 0x80]),
      ("UTF-8 surrogate ED A0 80", [0xED, 0xA0, 0x80]),
      ("UTF-8 surrogate ED BF BF", [0xED, 0xBF, 0xBF]),
      ("above U+10FFFF F4 90 80 80", [0xF4, 0x90, 0x80, 0x80]),
      ("F5 80 80 80", [0xF5, 0x80, 0x80, 0x80]), ("FF", [0xFF]), ("FE", [0xFE]),
      ("lone continuation 80", [0x80]), ("truncated C3", [0xC3]),
      ("truncated E2 82", [0xE2, 0x82]),
      ("truncated F0 9F 98", [0xF0, 0x9F, 0x98]), ("C3 followed by ASCII", [0xC3, 0x41]),
    ]
    for (label, bytes) in invalid {
      Probe.expectRefusedByBoth(Probe.object(rawString: bytes), label)
    }
    Probe.expectRefusedByBoth(Array(#"{"a":1}"#.utf8) + [0xC3, 0xA9], "UTF-8 outside a string")
    let valid: [[UInt8]] = [
      [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xEF, 0xBF, 0xBF],
      [0xF4, 0x8F, 0xBF, 0xBF], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], Array("سجن 监狱".utf8),
    ]
    for bytes in valid {
      Probe.expectAcceptedByBoth(Probe.object(rawString: bytes), DifferentialRun.show(bytes))
    }
  }

  @Test func deepNestingIsRefusedWithoutCrashing() {
    // The object is level 1: 511 arrays inside it reach the 512 levels both parsers allow.
    Probe.expectAcceptedByBoth(Probe.nested(511, open: "[", close: "]"), "512 levels")
    Probe.expectRefusedByBoth(Probe.nested(512, open: "[", close: "]"), "513 levels")
    Probe.expectRefusedByBoth(Probe.nested(599, open: "[", close: "]"), "600 levels")
    Probe.expectRefusedByBoth(
      Probe.nested(599, open: "{\"b\":", close: "}", inner: "1"), "600 objects")
    for line in [
      Probe.nested(100_000, open: "[", close: "]"),
      Probe.nested(100_000, open: "{\"b\":", close: "}", inner: "null"),
      Array(("{\"a\":" + String(repeating: "[", count: 100_000)).utf8),
      Array(String(repeating: "{\"a\":", count: 100_000).utf8),
    ] {
      #expect(!Probe.scannerAccepts(line))
      #expect(Probe.isMalformedJSON(Probe.decode(line)))
    }
  }

  @Test func aThreeMegabyteStringIsAccepted() throws {
    let piece = Array("Hasakah é 监狱 ".utf8)
    var name: [UInt8] = []
    name.reserveCapacity(3 << 20)
    while name.count + piece.count <= 3 << 20 { name += piece }
    let escapedTail = Array(#"\u00e9\"\\"#.utf8)
    let line =
      Array(
        #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"f","name":""#.utf8)
      + name + escapedTail
      + Array(#"","region":"r","side":"IQ","capacity":1,"occupancy":0}"#.utf8)
    #expect(line.count > 3_000_000)
    Probe.expectAcceptedByBoth(line, "3 MB")
    let tables = SymbolTables()
    guard
      case .event(_, _, .facilityRegistered(let registration)) = Probe.decode(line, tables: tables)
    else {
      Issue.record("a 3 MB facility.registered line is not an event")
      return
    }
    let decodedName = tables.texts.withBytes(registration.name) { Array($0) }
    #expect(decodedName.count == name.count + 4)
    #expect(decodedName.prefix(name.count).elementsEqual(name))
    #expect(decodedName.suffix(4) == [0xC3, 0xA9, 0x22, 0x5C])
    let oracle = try #require(Oracle.parse(line))
    #expect((oracle["name"] as? String).map { Array($0.utf8) } == decodedName)
  }

  /// Where Foundation and we differ, both within RFC 8259; pinned so a change is noticed.
  @Test func documentedDifferencesFromFoundation() {
    // A trailing comma: Foundation accepts it, RFC 8259's grammar does not.
    for line in [#"{"a":1,}"#, #"{"a":[1,]}"#, #"{"a":{"b":1,},"c":2}"#] {
      #expect(Probe.oracleAccepts(Array(line.utf8)))
      #expect(!Probe.scannerAccepts(Array(line.utf8)))
    }
    // A number beyond Double: valid JSON text (RFC 8259 §6 lets a parser limit the range).
    // Foundation refuses the line; we accept it, and it is never a valid count.
    let huge = #"{"ts":"2026-01-21T06:00:00Z","type":"airlift.landed","airlift":"a","x":1e999}"#
    #expect(!Probe.oracleAccepts(Array(huge.utf8)))
    #expect(Probe.scannerAccepts(Array(huge.utf8)))
    guard case .event = Probe.decode(Array(huge.utf8)) else {
      Issue.record("an ignored member 1e999 makes the event malformed")
      return
    }
    let count =
      #"{"ts":"2026-01-21T06:00:00Z","type":"airlift.landed","airlift":"a","delivered":1e999}"#
    guard case .malformed = Probe.decode(Array(count.utf8)) else {
      Issue.record("delivered 1e999 is not malformed")
      return
    }
    // A UTF-8 byte order mark: Foundation skips it; RFC 8259 §8.1 allows refusing it, as we do.
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8)
    #expect(Probe.oracleAccepts(bom))
    #expect(!Probe.scannerAccepts(bom))
  }

  /// Both parsers keep the last of duplicate member names, and escaped names match.
  @Test func duplicateAndEscapedNames() {
    let line = Array(
      #"{"ts":"2026-01-21T06:00:00Z","type":"airlift.landed","airlift":"a","delivered":-1,"\u0064elivered":3}"#
        .utf8)
    guard case .event(_, _, .airliftLanded(_, let delivered)) = Probe.decode(line) else {
      Issue.record("not an airlift.landed event")
      return
    }
    #expect(delivered == 3)
    #expect((Oracle.parse(line)?["delivered"] as? NSNumber)?.int64Value == 3)
  }
}
