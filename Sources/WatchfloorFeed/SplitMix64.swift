/// A small, fast, seeded pseudo-random generator (Steele, Lea and Flood's SplitMix64): the same
/// seed gives the same sequence on every platform and run, which the simulator's tests rely on.
/// Not for anything that needs unpredictability.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `range` (Lemire's multiply-shift; the bias is below 2^-32 for the
  /// small ranges the simulator draws from).
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    let width = UInt64(range.upperBound - range.lowerBound) &+ 1
    guard width != 0 else { return Int(truncatingIfNeeded: next()) }
    return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
  }

  /// A uniform number in [0, 1).
  public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// True with probability `probability`.
  public mutating func chance(_ probability: Double) -> Bool { unit() < probability }

  /// One element of a non-empty array, uniformly; nil when it is empty.
  public mutating func pick<T>(_ elements: [T]) -> T? {
    elements.isEmpty ? nil : elements[int(in: 0...(elements.count - 1))]
  }

  /// An index chosen with probability proportional to its weight; nil when no weight is
  /// positive.
  public mutating func weightedIndex(_ weights: [Double]) -> Int? {
    let total = weights.reduce(0) { $0 + max(0, $1) }
    guard total > 0 else { return nil }
    var target = unit() * total
    var last: Int?
    for (index, weight) in weights.enumerated() where weight > 0 {
      if target < weight { return index }
      target -= weight
      last = index
    }
    return last
  }
}
