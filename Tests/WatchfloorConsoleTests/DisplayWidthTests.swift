import Testing
import WatchfloorConsole

@Suite("DisplayWidth")
struct DisplayWidthTests {
  @Test(arguments: [
    ("a", 1), (" ", 1), ("~", 1), ("é", 1), ("Ω", 1), ("ж", 1), ("س", 1), ("→", 1),
    ("─", 1), ("…", 1), ("█", 1),
    ("日", 2), ("한", 2), ("ア", 2), ("Ａ", 2), ("　", 2), ("😀", 2), ("🚁", 2), ("⌚", 2),
    ("\u{301}", 0), ("\u{20DD}", 0), ("\u{200B}", 0), ("\u{FE0F}", 0), ("\u{1160}", 0),
    ("\u{1F1EE}", 1), ("☺", 1), ("\u{1B}", 0), ("\u{7F}", 0), ("\u{9B}", 0), ("\u{AD}", 0),
  ])
  func scalarWidths(character: String, expected: Int) throws {
    let scalar = try #require(character.unicodeScalars.first)
    #expect(DisplayWidth.of(scalar) == expected)
  }

  @Test func textWidths() {
    #expect(DisplayWidth.of("") == 0)
    #expect(DisplayWidth.of("hello") == 5)
    #expect(DisplayWidth.of("東京 ok") == 7)
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("\u{301}") == 1)  // drawn on a space
    #expect(DisplayWidth.of("🇮🇶") == 2)
    #expect(DisplayWidth.of("a\u{1B}b") == 4)  // as drawn: a\eb
    #expect(DisplayWidth.of(Character("日")) == 2)
  }

  @Test func widthOfTextIsWhatTheCanvasUses() {
    let samples = ["plain", "東京😀", "e\u{301}x", "\u{301}\u{302}a", "tab\there", "سجن", "ｗｉｄｅ"]
    for sample in samples {
      var canvas = Canvas(width: 40, height: 1)
      #expect(canvas.put(sample, x: 0, y: 0) == DisplayWidth.of(sample), "\(sample)")
    }
  }

  @Test func marksAndFormatCharactersAreZeroAndEmojiAreTwoAcrossTheTable() {
    for value in UInt32(0x300)...0x3_FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let properties = scalar.properties
      switch properties.generalCategory {
      case .nonspacingMark, .enclosingMark, .format:
        #expect(DisplayWidth.of(scalar) == 0, "U+\(String(value, radix: 16))")
      default:
        if properties.isEmojiPresentation && !(0x1F1E6...0x1F1FF).contains(value) {
          #expect(DisplayWidth.of(scalar) == 2, "U+\(String(value, radix: 16))")
        }
      }
    }
  }

  @Test func cjkBlocksAreWideEvenWhereUnassigned() throws {
    for value: UInt32 in [0x4E00, 0x9FFF, 0x3400, 0x20000, 0x2FFFD, 0x30000, 0xAC00, 0xFF01] {
      let scalar = try #require(Unicode.Scalar(value))
      #expect(DisplayWidth.of(scalar) == 2, "U+\(String(value, radix: 16))")
    }
  }
}
