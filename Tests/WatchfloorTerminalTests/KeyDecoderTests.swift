import CNcurses
import Testing
import WatchfloorConsole

@testable import WatchfloorTerminal

/// One row of the decoding table: what `wget_wch` gave, and the key expected.
struct KeyCase: Sendable, CustomTestStringConvertible {
  var code: UInt32
  var isFunctionKey: Bool
  var expected: Key?
  var testDescription: String {
    "\(isFunctionKey ? "KEY" : "char") \(code) -> \(String(describing: expected))"
  }

  static func function(_ code: Int32, _ expected: Key?) -> KeyCase {
    KeyCase(code: UInt32(code), isFunctionKey: true, expected: expected)
  }

  static func character(_ code: UInt32, _ expected: Key?) -> KeyCase {
    KeyCase(code: code, isFunctionKey: false, expected: expected)
  }
}

@Suite("KeyDecoder maps ncurses codes to keys")
struct KeyDecoderTests {
  static let functionKeys: [KeyCase] = [
    .function(KEY_UP, .up), .function(KEY_DOWN, .down), .function(KEY_LEFT, .left),
    .function(KEY_RIGHT, .right), .function(KEY_PPAGE, .pageUp), .function(KEY_NPAGE, .pageDown),
    .function(KEY_HOME, .home), .function(KEY_END, .end), .function(KEY_ENTER, .enter),
    .function(KEY_BTAB, .backTab), .function(KEY_BACKSPACE, .backspace),
    .function(KEY_DC, .delete), .function(KEY_F0 + 1, .function(1)),
    .function(KEY_F0 + 5, .function(5)), .function(KEY_F0 + 12, .function(12)),
    .function(KEY_F0 + 63, .function(63)), .function(KEY_A1, .home), .function(KEY_A3, .pageUp),
    .function(KEY_C1, .end), .function(KEY_C3, .pageDown),
    // Not keys the console knows.
    .function(KEY_F0, nil), .function(KEY_F0 + 64, nil), .function(KEY_RESIZE, nil),
    .function(KEY_MOUSE, nil), .function(KEY_SR, nil), .function(KEY_B2, nil),
  ]

  static let characters: [KeyCase] = [
    .character(10, .enter), .character(13, .enter), .character(9, .tab),
    .character(27, .escape), .character(127, .backspace), .character(8, .backspace),
    .character(1, .control("a")), .character(3, .control("c")), .character(6, .control("f")),
    .character(2, .control("b")), .character(11, .control("k")), .character(12, .control("l")),
    .character(14, .control("n")), .character(26, .control("z")),
    .character(0x71, .character("q")), .character(0x20, .character(" ")),
    .character(0x3F, .character("?")), .character(0x2F, .character("/")),
    .character(0x7E, .character("~")), .character(0xE9, .character("é")),
    .character(0x4E2D, .character("中")), .character(0x0627, .character("ا")),
    .character(0x1F6A8, .character("🚨")),
    // Not keys: NUL, the other C0 codes, C1 controls, surrogates, beyond Unicode.
    .character(0, nil), .character(28, nil), .character(31, nil), .character(0x80, nil),
    .character(0x9B, nil), .character(0x9F, nil), .character(0xD800, nil),
    .character(0x110000, nil),
  ]

  @Test("function keys", arguments: functionKeys)
  func functionKey(_ testCase: KeyCase) {
    #expect(KeyDecoder.decode(code: testCase.code, isFunctionKey: true) == testCase.expected)
  }

  @Test("characters", arguments: characters)
  func character(_ testCase: KeyCase) {
    #expect(KeyDecoder.decode(code: testCase.code, isFunctionKey: false) == testCase.expected)
  }

  @Test("every Ctrl letter but Backspace, Tab, Enter is .control of its letter")
  func controlLetters() {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    for code in UInt32(1)...26 where ![8, 9, 10, 13].contains(code) {
      #expect(
        KeyDecoder.decode(code: code, isFunctionKey: false) == .control(letters[Int(code) - 1]))
    }
  }

  @Test("the same number means different keys as a character and as a function key")
  func functionFlagMatters() {
    // KEY_DOWN is 0o402 = 258 = U+0102 "Ă".
    #expect(KeyDecoder.decode(code: UInt32(KEY_DOWN), isFunctionKey: false) == .character("Ă"))
    #expect(KeyDecoder.decode(code: UInt32(KEY_DOWN), isFunctionKey: true) == .down)
    #expect(KeyDecoder.decode(code: 10, isFunctionKey: true) == nil)
  }
}

@Suite("KeySequences fallbacks")
struct KeySequencesTests {
  @Test("each fallback is an escape sequence, listed once, for a key the decoder knows")
  func table() {
    let sequences = KeySequences.fallbacks.map(\.sequence)
    #expect(Set(sequences).count == sequences.count)
    for (sequence, code) in KeySequences.fallbacks {
      #expect(sequence.hasPrefix("\u{1b}"))
      #expect(sequence.count >= 3)
      #expect(KeyDecoder.decode(code: UInt32(code), isFunctionKey: true) != nil)
    }
  }
}
