/// The member names the schema knows, across all event types. Others are ignored.
public enum EventField: Int, CaseIterable, Sendable {
  case ts, type, id, by
  case facility, name, region, side, capacity, occupancy, security, status
  case airlift, origin, destination, detainees, highValue, etd, priority, note, reason, delivered
  case count, country
  case incident, sector, severity, kind, summary

  public var key: String {
    switch self {
    case .highValue: "high_value"
    default: String(describing: self)
    }
  }

  /// Whether the decoder interns this member's string (an identifier or free text), so that
  /// hashing it ahead, on the reader thread, saves the decoding thread that work.
  public var isInterned: Bool {
    switch self {
    case .by, .facility, .name, .region, .airlift, .origin, .destination, .note, .reason,
      .country, .incident, .sector, .kind, .summary:
      true
    case .ts, .type, .id, .side, .capacity, .occupancy, .security, .status, .detainees,
      .highValue, .etd, .priority, .delivered, .count, .severity:
      false
    }
  }

  /// The field each member name denotes (`names.match`: nil for a name the schema ignores).
  /// The line scanner keeps its own copy of the table, so that no look-up pays the check that
  /// a static has been made.
  static let names = ByteNames(allCases.map { ($0.key, $0) })
}
