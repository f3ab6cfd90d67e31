import Testing
import WatchfloorModel

@Suite("Sanitizer")
struct SanitizerTests {
  @Test(arguments: [
    ("plain ASCII, with \\ and ~", "plain ASCII, with \\ and ~"),
    ("Erbil → Baghdad", "Erbil → Baghdad"),
    ("سجن الحوت", "سجن الحوت"),
    ("東京 서울", "東京 서울"),
    ("ok 😀 👋🏽 ❤️ 🇮🇶", "ok 😀 👋🏽 ❤️ 🇮🇶"),
    ("e\u{301}", "e\u{301}"),
  ])
  func plainTextPassesUnchanged(input: String, expected: String) {
    #expect(Sanitizer.sanitize(input) == expected)
    #expect(!Sanitizer.needsSanitizing(input))
  }

  @Test func csiAndOscSequencesBecomeText() {
    #expect(Sanitizer.sanitize("\u{1B}[2J\u{1B}[31mred") == "\\e[2J\\e[31mred")
    #expect(Sanitizer.sanitize("\u{1B}]0;title\u{07}") == "\\e]0;title\\x07")
    #expect(Sanitizer.sanitize("\u{1B}]52;c;AAAA\u{1B}\\") == "\\e]52;c;AAAA\\e\\")
  }

  @Test func c0ControlsAndDel() {
    #expect(Sanitizer.sanitize("a\tb\nc\rd") == "a\\tb\\nc\\rd")
    #expect(Sanitizer.sanitize("\u{00}\u{07}\u{08}\u{7F}") == "\\x00\\x07\\x08\\x7f")
  }

  @Test func c1Controls() {
    #expect(Sanitizer.sanitize("\u{9B}2J") == "\\u{009B}2J")
    #expect(Sanitizer.sanitize("\u{80}\u{85}\u{9F}") == "\\u{0080}\\u{0085}\\u{009F}")
  }

  @Test func bidiOverridesIsolatesAndMarks() {
    #expect(Sanitizer.sanitize("abc\u{202E}fed") == "abc\\u{202E}fed")
    #expect(
      Sanitizer.sanitize("\u{202A}\u{202B}\u{202C}\u{202D}")
        == "\\u{202A}\\u{202B}\\u{202C}\\u{202D}")
    #expect(
      Sanitizer.sanitize("\u{2066}x\u{2067}\u{2068}\u{2069}")
        == "\\u{2066}x\\u{2067}\\u{2068}\\u{2069}")
    #expect(Sanitizer.sanitize("\u{200E}\u{200F}\u{061C}") == "\\u{200E}\\u{200F}\\u{061C}")
  }

  @Test func zeroWidthAndFormatCharacters() {
    #expect(Sanitizer.sanitize("ad\u{200B}min") == "ad\\u{200B}min")
    #expect(Sanitizer.sanitize("\u{200C}\u{200D}") == "\\u{200C}\\u{200D}")
    #expect(Sanitizer.sanitize("\u{2060}\u{2064}\u{FEFF}") == "\\u{2060}\\u{2064}\\u{FEFF}")
    #expect(Sanitizer.sanitize("soft\u{AD}hyphen") == "soft\\u{00AD}hyphen")
    #expect(Sanitizer.sanitize("tag\u{E0041}") == "tag\\u{E0041}")
    #expect(Sanitizer.sanitize("line\u{2028}para\u{2029}") == "line\\u{2028}para\\u{2029}")
    #expect(Sanitizer.sanitize("\u{3164}") == "\\u{3164}")
  }

  @Test func sanitizingLinesKeepsOnlyTheLineFeeds() {
    #expect(Sanitizer.sanitizeLines("one\ntwo\n") == "one\ntwo\n")
    #expect(
      Sanitizer.sanitizeLines("a\u{1B}]2;t\u{07}\nb\tc\r\n\u{9B}\u{202E}")
        == "a\\e]2;t\\x07\nb\\tc\\r\n\\u{009B}\\u{202E}")
    #expect(Sanitizer.sanitizeLines("سجن\n😀") == "سجن\n😀")
    // Each line comes out as `sanitize` makes it.
    let lines = ["x\u{85}y", "", "\u{200B}", "plain"]
    #expect(
      Sanitizer.sanitizeLines(lines.joined(separator: "\n"))
        == lines.map(Sanitizer.sanitize).joined(separator: "\n"))
  }

  @Test func sanitizingIsIdempotent() {
    let once = Sanitizer.sanitize("\u{1B}[1m\u{202E}x\u{9B}\t")
    #expect(Sanitizer.sanitize(once) == once)
    #expect(!Sanitizer.needsSanitizing(once))
  }

  @Test func everyEscapedScalarIsAControlFormatOrSeparator() {
    var checked = 0
    for value in UInt32(0)...0x2_FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let category = scalar.properties.generalCategory
      let expected =
        category == .control || category == .format || category == .lineSeparator
        || category == .paragraphSeparator || [0x115F, 0x1160, 0x3164, 0xFFA0].contains(value)
      #expect(Sanitizer.needsEscape(scalar) == expected, "U+\(String(value, radix: 16))")
      checked += 1
    }
    #expect(checked > 190_000)
  }
}
