import ArgumentParser

/// `render --size WIDTHxHEIGHT`: 1 to 1000 columns and rows (`120x40`, `80X24`).
struct ScreenSize: ExpressibleByArgument, Equatable, CustomStringConvertible {
  static let limit = 1...1000

  let width: Int
  let height: Int

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// nil unless `argument` is two whole numbers in ``limit`` joined by `x`.
  init?(argument: String) {
    let parts = argument.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    // ASCII digits only, at most four: `Int` alone would take "+80".
    let isNumber = { (part: Substring) in
      (1...4).contains(part.count) && part.allSatisfy { ("0"..."9").contains($0) }
    }
    guard parts.count == 2, parts.allSatisfy(isNumber), let width = Int(parts[0]),
      let height = Int(parts[1]), Self.limit.contains(width), Self.limit.contains(height)
    else { return nil }
    self.init(width: width, height: height)
  }

  var description: String { "\(width)x\(height)" }
  var defaultValueDescription: String { description }
}
