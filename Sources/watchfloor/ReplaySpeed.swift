import ArgumentParser
import WatchfloorConsole

/// `replay --speed`: one of the replay's speeds (``Replay/speeds``: 1, 10, 60, 600, 3600),
/// written `60`, `60x` or `60×`.
struct ReplaySpeed: ExpressibleByArgument, Equatable, CustomStringConvertible {
  /// The speed's place in ``Replay/speeds``.
  let index: Int

  static let standard = ReplaySpeed(index: Replay.speeds.firstIndex(of: 60) ?? 0)

  private init(index: Int) { self.index = index }

  /// nil unless `argument` is one of ``Replay/speeds``, with or without a trailing `x`.
  init?(argument: String) {
    let digits = argument.filter { !"xX×".contains($0) }
    guard let value = Double(digits), let index = Replay.speeds.firstIndex(of: value) else {
      return nil
    }
    self.init(index: index)
  }

  var description: String { String(Int(Replay.speeds[index])) }
  var defaultValueDescription: String { description }
  static var allValueStrings: [String] { Replay.speeds.map { String(Int($0)) } }
}
