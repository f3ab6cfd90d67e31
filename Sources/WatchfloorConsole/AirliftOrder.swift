import WatchfloorModel

/// The orders the airlifts pane can be sorted in; `s` cycles through them and the pane's
/// title names the one in force.
public enum AirliftOrder: Int, CaseIterable, Sendable {
  /// What needs a decision first: second approvals, pending (overdue, then urgent), held,
  /// approved, in flight; by ETD within each group.
  case urgency
  /// Earliest ETD first (so overdue ones lead).
  case etd
  /// By destination, then ETD.
  case destination
  /// Most detainees first, then ETD.
  case detainees

  /// The title's words: `by urgency`.
  public var title: String {
    switch self {
    case .urgency: "by urgency"
    case .etd: "by ETD"
    case .destination: "by destination"
    case .detainees: "by detainees"
    }
  }

  /// The order after this one, wrapping round.
  public var next: AirliftOrder {
    AirliftOrder(rawValue: (rawValue + 1) % Self.allCases.count) ?? .urgency
  }
}
