import Foundation
import Testing
import WatchfloorModel

@Suite("JSONWriter escapes what a terminal must not see")
struct JSONWriterTests {
  /// Strings holding every kind of character the sanitiser escapes, and some it must not.
  static let hostile: [String] = [
    "plain",
    "quote \" and backslash \\ and slash /",
    String(String.UnicodeScalarView((0...0x1F).compactMap(Unicode.Scalar.init))) + "\u{7F}",
    String(String.UnicodeScalarView((0x80...0x9F).compactMap(Unicode.Scalar.init))),
    "\u{1B}]2;PWNED\u{07}\u{1B}[2J\u{9B}31m",
    "abc\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}fed",
    "ad\u{200B}m\u{200C}i\u{200D}n\u{200E}\u{200F}\u{061C}\u{2060}\u{FEFF}\u{AD}",
    "tag\u{E0041}\u{E007F} line\u{2028}para\u{2029} filler\u{3164}",
    "سجن الحوت 東京 😀 👨‍👩 e\u{301}",
  ]

  @Test("every string decodes back unchanged, and no unsafe character is written raw")
  func hostileStringsRoundTrip() throws {
    for pretty in [true, false] {
      var out = JSONWriter(pretty: pretty)
      out.beginObject()
      out.beginArray("values")
      for value in Self.hostile { out.string(nil, value) }
      out.endArray()
      for (index, value) in Self.hostile.enumerated() { out.string("\(index)\(value)", value) }
      out.endObject()

      let data = Data(out.text.utf8)
      let decoded = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      #expect(decoded["values"] as? [String] == Self.hostile)
      for (index, value) in Self.hostile.enumerated() {
        #expect(decoded["\(index)\(value)"] as? String == value)
      }
      let unsafe = out.text.unicodeScalars.filter { $0 != "\n" && Sanitizer.needsEscape($0) }
      #expect(unsafe.isEmpty, "raw: \(unsafe.map { String($0.value, radix: 16) })")
      #expect(!data.contains(0x1B) && !data.contains(0x07))
    }
  }

  @Test("escapes are \\uXXXX, a surrogate pair above U+FFFF; short forms for \\n \\r \\t")
  func escapeForms() {
    var text = ""
    JSONWriter.appendQuoted("\u{1B}\u{7F}\u{9B}\u{202E}\u{200B}\u{E0041}\n\r\t\"\\", to: &text)
    #expect(
      text == #""\u001b\u007f\u009b\u202e\u200b\udb40\udc41\n\r\t\"\\""#)
    text = ""
    JSONWriter.appendQuoted("Erbil → Baghdad, سجن", to: &text)
    #expect(text == "\"Erbil → Baghdad, سجن\"")
  }
}
