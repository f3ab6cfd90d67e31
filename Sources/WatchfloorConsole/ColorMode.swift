import Foundation

/// How many colours the output can show.
public enum ColorMode: String, CaseIterable, Hashable, Sendable {
  /// 24-bit colour (`ESC[38;2;r;g;bm`).
  case trueColor = "truecolor"
  /// The xterm 256-colour palette (`ESC[38;5;nm`).
  case palette256 = "256"
  /// The 8 basic ANSI colours (`ESC[31m`).
  case palette8 = "8"
  /// No colour: attributes only (bold, dim, underline, reverse).
  case monochrome = "none"

  /// The mode the environment asks for:
  /// - `NO_COLOR` set and not empty: `.monochrome` (https://no-color.org);
  /// - `COLORTERM` is `truecolor` or `24bit`: `.trueColor`;
  /// - `TERM` contains `256color`: `.palette256`;
  /// - `TERM` is `dumb`: `.monochrome`;
  /// - otherwise `.palette8`.
  ///
  /// A terminal backend may lower the result further by what the terminal reports.
  public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> ColorMode
  {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
    let colorTerm = environment["COLORTERM"]?.lowercased()
    if colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
    let term = environment["TERM"] ?? ""
    if term.contains("256color") { return .palette256 }
    if term == "dumb" { return .monochrome }
    return .palette8
  }
}
