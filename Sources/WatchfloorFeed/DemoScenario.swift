/// The bundled scenario: the three sample days of `samples/` (21 to 23 January 2026), embedded
/// in the binary so that `watchfloor demo` works from any directory.
///
/// The text is byte for byte the sample files' (a test checks it): one log, read in day order.
/// The facilities are registered on the first day, so the days only make sense together.
public enum DemoScenario {
  /// One daily file of the scenario.
  public struct Day: Sendable, Equatable {
    /// The file name in `samples/`, for example `2026-01-21.jsonl`.
    public let fileName: String
    /// The file's text: JSON Lines, every line ending in `\n`.
    public let text: String
  }

  /// The days in log order.
  public static let days: [Day] = [
    Day(fileName: "2026-01-21.jsonl", text: january21),
    Day(fileName: "2026-01-22.jsonl", text: january22),
    Day(fileName: "2026-01-23.jsonl", text: january23),
  ]

  /// The whole scenario as one log: the days concatenated in order.
  public static var history: String { days.map(\.text).joined() }

  /// The history's lines, without their `\n`.
  public static var lines: [String] {
    history.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
  }
}
