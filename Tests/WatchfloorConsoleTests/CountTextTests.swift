import Testing
import WatchfloorConsole

@Suite("CountText: counts whole or compact, never cut")
struct CountTextTests {
  @Test(
    "the first form that fits: grouped, plain digits, compact with a decimal, compact",
    arguments: [
      (0, 1, "0"), (999, 3, "999"), (999, 5, "999"),
      (1000, 5, "1,000"), (1000, 4, "1000"), (1000, 3, "1k"), (1000, 2, "1k"),
      (9999, 5, "9,999"), (9999, 4, "9999"), (9999, 3, "10k"),
      (12_345, 6, "12,345"), (12_345, 5, "12345"), (12_345, 4, "12k"),
      (99_950, 5, "99950"), (99_950, 4, "100k"), (99_949, 4, "100k"), (99_499, 4, "99k"),
      (123_456, 4, "123k"), (123_456, 6, "123456"), (999_499, 4, "999k"), (999_500, 4, "1.0M"),
      (999_950, 4, "1.0M"), (1_234_567, 5, "1.2M"), (1_234_567, 9, "1,234,567"),
      (1_250_000, 4, "1.3M"), (12_345_678, 5, "12.3M"), (12_345_678, 4, "12M"),
      (4_500_000_000, 4, "4.5G"), (Int64.max, 4, "9.2E"),
      (Int64.max, 25, "9,223,372,036,854,775,807"),
    ] as [(Int64, Int, String)])
  func fitting(value: Int64, width: Int, expected: String) {
    let text = CountText.fitting(value, width: width)
    #expect(text == expected)
    #expect(text.count <= width)
  }

  @Test("negative values keep their sign and fit one column more")
  func negatives() {
    #expect(CountText.fitting(-5, width: 2) == "-5")
    #expect(CountText.fitting(-1234, width: 6) == "-1,234")
    #expect(CountText.fitting(-1234, width: 5) == "-1234")
    #expect(CountText.fitting(-12_345, width: 4) == "-12k")
    #expect(CountText.fitting(Int64.min, width: 5) == "-9.2E")
    #expect(CountText.grouped(-1_234_567) == "-1,234,567")
  }

  @Test("every value fits in four columns; narrower gives an ellipsis, never a cut number")
  func neverCut() {
    for value in [Int64(0), 7, 999, 1000, 9999, 10_000, 99_999, 100_000, 999_999, Int64.max] {
      #expect(CountText.fitting(value, width: 4).count <= 4, "\(value)")
    }
    #expect(CountText.fitting(123_456, width: 3) == "…")
    #expect(CountText.fitting(5, width: 0) == "")
    #expect(CountText.fitting(-5, width: 1) == "…")
  }

  @Test("a sentence keeps its counts whole when it fits, compacts them all when not")
  func sentence() {
    let compose = { (count: (Int64) -> String) in
      "\(count(1_234_567)) detainees, \(count(123_456)) high-value"
    }
    #expect(
      CountText.sentence(fitting: 40, compose) == "1,234,567 detainees, 123,456 high-value")
    #expect(CountText.sentence(fitting: 30, compose) == "1.2M detainees, 123k high-value")
  }
}
