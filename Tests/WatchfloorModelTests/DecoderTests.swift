import Testing
import WatchfloorModel

@Suite("Decoding lines")
struct DecoderTests {
  func verdict(_ line: String) -> LineVerdict {
    var log = LogBuilder()
    return log.raw(line)
  }

  func reason(_ line: String) -> String { verdict(line).malformedReason ?? "(not malformed)" }

  let envelope = #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","#

  func facility(_ members: String) -> String {
    envelope + #""facility":"karkh","name":"Karkh","region":"Baghdad","side":"IQ","# + members
      + "}"
  }

  @Test("well-formed registration with unknown fields, CRLF and surrounding whitespace")
  func wellFormed() {
    #expect(verdict(facility(#""capacity":3000,"occupancy":0"#)).isApplied)
    #expect(
      verdict(
        " \t" + facility(#""capacity":3000,"occupancy":0,"extra":{"a":[1,2.5e3,null]}"#) + " \r"
      )
      .isApplied)
  }

  @Test("the reasons a line is malformed, named")
  func malformedReasons() {
    #expect(reason("[1,2]").contains("not a JSON object"))
    #expect(reason("{\"ts\":1").contains("not valid JSON"))
    #expect(reason(facility(#""capacity":3000,"occupancy":0"#) + "x").contains("trailing"))
    #expect(reason(#"{"type":"facility.registered"}"#).contains("missing field \"ts\""))
    #expect(reason(#"{"ts":"2026-02-30T06:00:00Z","type":"x"}"#).contains("\"ts\""))
    #expect(reason(#"{"ts":"2026-01-21T06:00:00Z"}"#).contains("missing field \"type\""))
    #expect(reason(#"{"ts":"2026-01-21T06:00:00Z","type":7}"#).contains("\"type\""))
    #expect(reason(#"{"ts":"2026-01-21T06:00:00Z","type":"x","id":5}"#).contains("\"id\""))
    #expect(reason(facility(#""capacity":3000.0,"occupancy":0"#)).contains("\"capacity\""))
    #expect(reason(facility(#""capacity":"3000","occupancy":0"#)).contains("\"capacity\""))
    #expect(reason(facility(#""capacity":-1,"occupancy":0"#)).contains("≥ 0"))
    #expect(reason(facility(#""capacity":1e3,"occupancy":0"#)).contains("\"capacity\""))
    #expect(reason(facility(#""capacity":null,"occupancy":0"#)).contains("found null"))
    #expect(
      reason(facility(#""capacity":9223372036854775808,"occupancy":0"#)).contains("64-bit"))
    #expect(verdict(facility(#""capacity":9223372036854775807,"occupancy":0"#)).isApplied)
    #expect(reason(facility(#""capacity":1"#)).contains("missing field \"occupancy\""))
    #expect(reason(facility(#""capacity":1,"occupancy":0,"security":"low""#)).contains("security"))
    #expect(
      reason(
        envelope + #""facility":"","name":"K","region":"B","side":"IQ","capacity":1,"occupancy":0}"#
      )
      .contains("non-empty"))
    #expect(
      reason(
        envelope
          + #""facility":"k","name":"K","region":"B","side":"iq","capacity":1,"occupancy":0}"#
      )
      .contains("\"side\""))
  }

  @Test("type-specific rules: high_value, updates needing a field, decisions needing by")
  func typeRules() {
    let request =
      #"{"ts":"2026-01-21T06:00:00Z","type":"airlift.requested","airlift":"A","origin":"o","#
      + #""destination":"d","etd":"2026-01-21T09:00:00+03:00","#
    #expect(reason(request + #""detainees":5,"high_value":6}"#).contains("above"))
    #expect(reason(request + #""detainees":0}"#).contains("≥ 1"))
    #expect(reason(request + #""detainees":5,"priority":"now"}"#).contains("priority"))
    #expect(
      reason(
        #"{"ts":"2026-01-21T06:00:00Z","type":"airlift.requested","airlift":"A","origin":"o","#
          + #""destination":"d","etd":"9am","detainees":5}"#
      ).contains("etd"))
    #expect(verdict(request + #""detainees":5,"high_value":5}"#).anomaly != nil)
    #expect(
      reason(#"{"ts":"2026-01-21T06:00:00Z","type":"facility.updated","facility":"k"}"#)
        .contains("at least one"))
    #expect(
      reason(#"{"ts":"2026-01-21T06:00:00Z","type":"incident.updated","incident":"i"}"#)
        .contains("\"severity\" or \"summary\""))
    #expect(
      reason(#"{"ts":"2026-01-21T06:00:00Z","type":"airlift.approved","airlift":"A"}"#)
        .contains("missing field \"by\""))
    #expect(
      reason(#"{"ts":"2026-01-21T06:00:00Z","type":"airlift.approved","airlift":"A","by":""}"#)
        .contains("non-empty"))
    #expect(
      reason(#"{"ts":"2026-01-21T06:00:00Z","type":"airlift.departed","airlift":"A","by":1}"#)
        .contains("\"by\""))
    #expect(
      reason(#"{"ts":"2026-01-21T06:00:00Z","type":"airlift.denied","airlift":"A","by":"x"}"#)
        .contains("missing field \"reason\""))
    #expect(
      reason(#"{"ts":"2026-01-21T06:00:00Z","type":"airlift.landed","airlift":"A","delivered":-1}"#)
        .contains("delivered"))
    // Unknown types are checked for the envelope only.
    #expect(verdict(#"{"ts":"2026-01-21T06:00:00Z","type":"future.event","by":5}"#).isUnknownType)
  }

  @Test("strict JSON: lone surrogates, raw controls, invalid UTF-8, NaN, leading zeros")
  func strictJSON() {
    let start = #"{"ts":"2026-01-21T06:00:00Z","type":"x","note":""#
    #expect(reason(start + #"\ud83d"}"#).contains("lone surrogate"))
    #expect(reason(start + #"\udc00x"}"#).contains("lone surrogate"))
    #expect(verdict(start + #"\ud83d\ude00"}"#).isUnknownType)
    #expect(reason(start + "\u{01}\"}").contains("control character"))
    #expect(reason(#"{"ts":"2026-01-21T06:00:00Z","type":"x","n":NaN}"#).contains("not valid JSON"))
    #expect(reason(#"{"ts":"2026-01-21T06:00:00Z","type":"x","n":01}"#).contains("leading zero"))
    let log = LogBuilder()
    let bytes: [UInt8] = Array(start.utf8) + [0xC3, 0x28, 0x22, 0x7D]
    let invalid = bytes.withUnsafeBytes { log.timeline.ingest($0, lineNumber: 1, source: 0) }
    #expect(invalid.malformedReason?.contains("UTF-8") == true)
    let deep = String(repeating: "[", count: 100_000)
    #expect(reason(#"{"ts":"2026-01-21T06:00:00Z","type":"x","n":"# + deep).contains("nesting"))
  }

  @Test("escaped member names and values are read after unescaping")
  func escapes() throws {
    var log = LogBuilder()
    let line =
      #"{"\u0074s":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"k\u00e4rkh","#
      + #""name":"Karkh \"central\"","region":"Baghdad","side":"IQ","capacity":1,"occupancy":0}"#
    #expect(log.raw(line).isApplied)
    let symbol = try #require(log.tables.facilities.lookup("kärkh"))
    #expect(log.tables.text(log.state.facilities[symbol]?.name ?? .none) == "Karkh \"central\"")
  }
}

@Suite("RFC 3339")
struct RFC3339Tests {
  let tables = SymbolTables()

  @Test(
    "valid forms print back exactly as written",
    arguments: [
      "2026-01-21T06:00:00Z", "2026-01-21T06:00:00.5Z", "2026-01-21T06:00:00.123456789Z",
      "2026-01-21T09:00:00+03:00", "2026-01-21t06:00:00z", "2026-01-21T06:00:00-00:00",
      "2024-02-29T23:59:60Z", "2026-01-21T06:00:00.123456789012+05:30", "0001-01-01T00:00:00Z",
      "9999-12-31T23:59:59.999Z", "2026-01-21T01:30:00-04:30",
    ])
  func roundTrip(_ text: String) throws {
    let time = try #require(RFC3339.parse(text, verbatim: tables.texts))
    #expect(RFC3339.text(time, verbatim: tables.texts) == text)
  }

  @Test("civil times: the epoch, before it, another separator, a year past 9999")
  func civilTimes() {
    #expect(RFC3339.civil(0) == "1970-01-01T00:00:00")
    #expect(RFC3339.civil(-1) == "1969-12-31T23:59:59")
    // 2026-01-21 06:00:00 is day 20,474 since 1970.
    #expect(RFC3339.civil(20_474 * 86_400 + 6 * 3600, separator: " ") == "2026-01-21 06:00:00")
    #expect(
      RFC3339.civil(20_474 * 86_400 + 6 * 3600, separator: " at ") == "2026-01-21 at 06:00:00")
    // 10000-01-01 is 2,932,897 days after 1970-01-01.
    #expect(RFC3339.civil(2_932_897 * 86_400) == "10000-01-01T00:00:00")
    #expect(RFC3339.civil(2_932_897 * 86_400, separator: " at ") == "10000-01-01 at 00:00:00")
    // Year 0000 at +01:00 is the last hour of year -1 in UTC: a sign, not a wrong year.
    let yearZero = RFC3339.parse("0000-01-01T00:00:00+01:00", verbatim: tables.texts)
    #expect(yearZero.map(RFC3339.utcText) == "-0001-12-31T23:00:00Z")
    #expect(
      yearZero.map { RFC3339.text($0, verbatim: tables.texts) } == "0000-01-01T00:00:00+01:00")
  }

  @Test(
    "invalid forms are refused",
    arguments: [
      "2026-02-30T06:00:00Z", "2025-02-29T06:00:00Z", "2100-02-29T00:00:00Z",
      "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-01-00T00:00:00Z",
      "2026-04-31T00:00:00Z", "2026-01-21T24:00:00Z", "2026-01-21T06:60:00Z",
      "2026-01-21T06:00:61Z", "2026-01-21T06:00:00", "2026-01-21 06:00:00Z",
      "2026-01-21T06:00:00.Z", "2026-01-21T06:00:00+3:00", "2026-01-21T06:00:00+24:00",
      "2026-01-21T06:00:00+03:60", "2026-1-21T06:00:00Z", "2026-01-21T06:00:00ZZ",
      "2026-01-21T06:00Z", "20260121T060000Z", "", "2026-01-21T06:00:00+0300",
    ])
  func refused(_ text: String) {
    #expect(RFC3339.parse(text, verbatim: tables.texts) == nil)
  }

  @Test("instants compare across offsets, fractions and leap seconds")
  func ordering() throws {
    func parse(_ text: String) throws -> Timestamp {
      try #require(RFC3339.parse(text, verbatim: tables.texts))
    }
    #expect(try parse("2026-01-21T09:00:00+03:00") == parse("2026-01-21T06:00:00Z"))
    #expect(try parse("2026-01-21T06:00:00.000000001Z") > parse("2026-01-21T06:00:00Z"))
    #expect(try parse("2026-01-21T06:00:00.1Z") == parse("2026-01-21T06:00:00.100Z"))
    #expect(try parse("2016-12-31T23:59:60Z") == parse("2017-01-01T00:00:00Z"))
    #expect(try parse("1969-12-31T23:59:59Z").seconds == -1)
    #expect(try parse("2026-01-21T00:00:00Z").seconds == 1_768_953_600)
  }
}
