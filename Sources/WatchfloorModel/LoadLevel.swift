/// How full a facility is, against the two thresholds every part of Watchfloor uses: 100% of
/// capacity ("over capacity", marked `!`) and 150% ("far over capacity", marked `!!`).
///
/// The policy warns, the dialog colours, the panes mark and the report and state summary
/// print from this one type, so a facility is over capacity everywhere or nowhere. Levels are
/// decided in exact integer arithmetic: a facility holding exactly its capacity is full but
/// not over it, and exactly 150% is over capacity but not yet far over.
public enum LoadLevel: Int, Comparable, CaseIterable, Sendable {
  /// The capacity is 0 (or negative): the load is undefined, shown as `n/a`.
  case unknown
  /// Below 100% of capacity.
  case underCapacity
  /// Exactly 100%: no place left, marked `!` but not a warning.
  case full
  /// Above 100%, up to and including 150%: warned, marked `!`.
  case overCapacity
  /// Above 150%: warned, marked `!!`.
  case farOverCapacity

  /// The level of `occupancy` detainees (or a projected count) for `capacity` places.
  /// Complexity O(1); never traps, whatever the values.
  public init(occupancy: Int64, capacity: Int64) {
    self.init(projected: Int128(occupancy), capacity: capacity)
  }

  /// The level of an exact count (occupancy plus inbound may pass 64 bits) for `capacity`.
  public init(projected occupancy: Int128, capacity: Int64) {
    let places = Int128(capacity)
    if places <= 0 {
      self = .unknown
    } else if occupancy * 2 > places * 3 {
      self = .farOverCapacity
    } else if occupancy > places {
      self = .overCapacity
    } else if occupancy == places {
      self = .full
    } else {
      self = .underCapacity
    }
  }

  public static func < (lhs: LoadLevel, rhs: LoadLevel) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The mark after a load figure: `!` at 100% or more, `!!` above 150%, else nothing.
  public var mark: String {
    switch self {
    case .unknown, .underCapacity: ""
    case .full, .overCapacity: "!"
    case .farOverCapacity: "!!"
    }
  }

  /// Whether the policy warns before a landing that leaves the facility at this level.
  public var isOverCapacity: Bool { self >= .overCapacity }

  /// The level in words: "capacity unknown", "under capacity", "full", "over capacity",
  /// "far over capacity".
  public var words: String {
    switch self {
    case .unknown: "capacity unknown"
    case .underCapacity: "under capacity"
    case .full: "full"
    case .overCapacity: "over capacity"
    case .farOverCapacity: "far over capacity"
    }
  }

  /// `occupancy` as a whole percentage of `capacity`, rounded half away from zero: `216%`;
  /// `n/a` when the capacity is 0 or less. Exact for every 64-bit value (no floating point,
  /// no trap on absurd counts).
  public static func percentText(occupancy: Int64, capacity: Int64) -> String {
    guard let percent = percent(occupancy: occupancy, capacity: capacity) else { return "n/a" }
    return "\(percent)%"
  }

  /// `occupancy` as a whole percentage of `capacity`, rounded half away from zero, or nil when
  /// the capacity is 0 or less.
  public static func percent(occupancy: Int64, capacity: Int64) -> Int128? {
    guard capacity > 0 else { return nil }
    let scaled = Int128(occupancy) * 200
    let twice = Int128(capacity) * 2
    // (2·100·o ± c) / 2c is o/c·100 rounded half away from zero; division truncates to zero.
    return (scaled + (scaled < 0 ? -Int128(capacity) : Int128(capacity))) / twice
  }
}

extension Facility {
  /// The level of the detainees held now.
  public var loadLevel: LoadLevel { LoadLevel(occupancy: occupancy, capacity: capacity) }

  /// The level once every approved and in-flight airlift bound here has landed.
  public var projectedLoadLevel: LoadLevel {
    LoadLevel(projected: Int128(occupancy) + inbound, capacity: capacity)
  }

  /// `216%`, or `n/a` when the capacity is 0.
  public var loadText: String { LoadLevel.percentText(occupancy: occupancy, capacity: capacity) }
}
