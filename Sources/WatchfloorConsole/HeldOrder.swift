import WatchfloorModel

/// A list's row order held still after a movement key, so the row under the cursor is the
/// row the officer aimed at: changes to the order wait until `until` (the console's
/// monotonic clock, in seconds), then apply at once.
public struct HeldOrder: Equatable, Sendable {
  /// How long rows stay still after the last movement key, in seconds.
  public static let seconds = 3.0

  /// The rows' items in the order shown when the hold began.
  public var order: [Symbol]
  /// When the hold ends, on the console's monotonic clock.
  public var until: Double

  public init(order: [Symbol], until: Double) {
    self.order = order
    self.until = until
  }

  /// `live` rows in the held order: rows that left the live list stay (looked up by
  /// `lookup`, with what they are now), rows new to it wait.
  func arrange<Row>(_ live: [Row], id: (Row) -> Symbol, lookup: (Symbol) -> Row?) -> [Row] {
    var current: [Symbol: Row] = [:]
    current.reserveCapacity(live.count)
    for row in live { current[id(row)] = row }
    return order.compactMap { current[$0] ?? lookup($0) }
  }

  /// How many rows the live order would change: rows new to the list, rows gone from it,
  /// and rows that moved among the others (a row that only shifts because another came or
  /// went does not count).
  func waitingChanges(live: [Symbol]) -> Int {
    var place: [Symbol: Int] = [:]
    place.reserveCapacity(order.count)
    for (index, symbol) in order.enumerated() { place[symbol] = index }
    let keptPlaces = live.compactMap { place[$0] }
    let added = live.count - keptPlaces.count
    let gone = order.count - keptPlaces.count
    return added + gone + (keptPlaces.count - Self.longestRising(keptPlaces))
  }

  /// The length of the longest strictly rising subsequence: the rows that keep their order
  /// relative to each other (patience sorting, O(n log n)).
  static func longestRising(_ values: [Int]) -> Int {
    var tails: [Int] = []
    for value in values {
      var low = 0
      var high = tails.count
      while low < high {
        let middle = (low + high) / 2
        if tails[middle] < value { low = middle + 1 } else { high = middle }
      }
      if low == tails.count { tails.append(value) } else { tails[low] = value }
    }
    return tails.count
  }
}
