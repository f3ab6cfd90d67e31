import Testing

@testable import WatchfloorLog

/// The estimate of a log's lines that sizes the duplicate table before the read.
@Suite("Estimating a log's lines")
struct LineEstimateTests {
  func estimate(_ bytes: Int, sample: String) -> Int {
    Array(sample.utf8).withUnsafeBytes { LogReader.estimatedLines(bytes, sample: $0) }
  }

  @Test("lines of a typical length give the file's lines with 5% to spare")
  func typicalLines() {
    let line = String(repeating: "x", count: 127) + "\n"
    let estimate = estimate(128_000_000, sample: String(repeating: line, count: 100))
    #expect(estimate == 1_050_000)
  }

  @Test("a sample of blank or tiny lines does not size the table for billions of ids")
  func blankLinesAreFloored() {
    let bytes = 1 << 30
    let blank = estimate(bytes, sample: String(repeating: "\n", count: 65_536))
    let tiny = estimate(bytes, sample: String(repeating: "{}\n", count: 20_000))
    let floor = Int(Double(bytes) / Double(LogReader.minimumEventLineBytes) * 1.05)
    #expect(blank == floor)
    #expect(tiny == floor)
  }

  @Test("too few lines in the sample fall back to 100 bytes a line")
  func fewLines() {
    #expect(estimate(1_000_000, sample: String(repeating: "y", count: 5000) + "\n") == 10_000)
    #expect(estimate(1_000_000, sample: "") == 10_000)
  }
}
