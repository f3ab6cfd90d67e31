import ArgumentParser

/// `demo --speed` and `simulate --speed`: simulated seconds per real second, 1 to 3600.
struct SimulationSpeed: ExpressibleByArgument, Equatable, CustomStringConvertible {
  static let limit = 1.0...3600.0

  let secondsPerSecond: Double

  init(_ secondsPerSecond: Double) { self.secondsPerSecond = secondsPerSecond }

  /// nil unless `argument` is a finite number from 1 to 3600.
  init?(argument: String) {
    guard let value = Double(argument), value.isFinite, Self.limit.contains(value) else {
      return nil
    }
    self.init(value)
  }

  var description: String {
    secondsPerSecond == secondsPerSecond.rounded()
      ? String(Int(secondsPerSecond)) : String(secondsPerSecond)
  }
  var defaultValueDescription: String { description }
}
