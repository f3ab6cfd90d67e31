/// How much of a split one part takes.
public enum Constraint: Hashable, Sendable {
  /// Exactly `n` cells.
  case length(Int)
  /// At least `n` cells; grows into spare room like `fill(1)`.
  case min(Int)
  /// Up to `n` cells, shared like `fill(1)` with the other growing parts.
  case max(Int)
  /// `p` percent of the room.
  case percentage(Int)
  /// `numerator / denominator` of the room.
  case ratio(Int, Int)
  /// A share of the room left after the other parts, by weight.
  case fill(Int)
}

/// A one-dimensional split of a ``Rect`` into parts, as ratatui's `Layout`: the screens are
/// nested vertical and horizontal splits, so a screen's geometry is declared in one place
/// rather than computed with offsets.
///
/// Room is handed out in two rounds. First every part gets its base: `length` and `min` their
/// `n`, `percentage` and `ratio` their share of the room, `max` and `fill` nothing. When the
/// bases do not fit, the parts are cut from the last one back (the first parts matter
/// most). Otherwise what is left goes to the growing parts (`fill` by weight, `min` and `max`
/// with weight 1, `max` never past its `n`), in whole cells, the first parts taking the odd
/// cells; room no part can take stays unused at the end.
public struct Layout: Sendable {
  public enum Direction: Sendable {
    /// Parts side by side, left to right.
    case horizontal
    /// Parts stacked, top to bottom.
    case vertical
  }

  public var direction: Direction
  public var constraints: [Constraint]
  /// Cells left empty between neighbouring parts.
  public var spacing: Int

  public init(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) {
    self.direction = direction
    self.constraints = constraints
    self.spacing = spacing
  }

  public static func horizontal(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
    Layout(.horizontal, constraints, spacing: spacing)
  }

  public static func vertical(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
    Layout(.vertical, constraints, spacing: spacing)
  }

  /// The parts of `rect`, one for each constraint, in order.
  public func split(_ rect: Rect) -> [Rect] {
    let total = direction == .horizontal ? rect.width : rect.height
    var position = direction == .horizontal ? rect.x : rect.y
    return Self.sizes(constraints, total: total, spacing: spacing).map { size in
      defer { position += size + spacing }
      return direction == .horizontal
        ? Rect(x: position, y: rect.y, width: size, height: rect.height)
        : Rect(x: rect.x, y: position, width: rect.width, height: size)
    }
  }

  /// The size of each part of a split of `total` cells.
  public static func sizes(_ constraints: [Constraint], total: Int, spacing: Int = 0) -> [Int] {
    guard !constraints.isEmpty else { return [] }
    let room = Swift.max(0, total - spacing * (constraints.count - 1))
    var sizes = constraints.map { constraint -> Int in
      switch constraint {
      case .length(let n), .min(let n): Swift.max(0, n)
      case .percentage(let p): room * Swift.max(0, p) / 100
      case .ratio(let numerator, let denominator):
        denominator > 0 ? room * Swift.max(0, numerator) / denominator : 0
      case .max, .fill: 0
      }
    }
    var spare = room - sizes.reduce(0, +)
    if spare < 0 {
      for index in sizes.indices.reversed() where spare < 0 {
        let cut = Swift.min(sizes[index], -spare)
        sizes[index] -= cut
        spare += cut
      }
      return sizes
    }
    // Weights and limits of the growing parts.
    var weights = constraints.map { constraint -> Int in
      switch constraint {
      case .fill(let weight): Swift.max(0, weight)
      case .min, .max: 1
      default: 0
      }
    }
    let limits = constraints.map { constraint -> Int? in
      if case .max(let n) = constraint { return Swift.max(0, n) }
      return nil
    }
    while spare > 0 {
      let weight = weights.reduce(0, +)
      guard weight > 0 else { break }
      var handed = 0
      var shares = weights.map { spare * $0 / weight }
      // The odd cells to the first growing parts.
      var odd = spare - shares.reduce(0, +)
      for index in shares.indices where odd > 0 && weights[index] > 0 {
        shares[index] += 1
        odd -= 1
      }
      for index in sizes.indices where shares[index] > 0 {
        var share = shares[index]
        if let limit = limits[index] {
          share = Swift.min(share, limit - sizes[index])
          if sizes[index] + share >= limit { weights[index] = 0 }
        }
        sizes[index] += share
        handed += share
      }
      spare -= handed
      if handed == 0 { break }
    }
    return sizes
  }
}
