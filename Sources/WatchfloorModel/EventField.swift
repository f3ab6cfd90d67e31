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

  /// Member names grouped by byte length, for matching keys straight from the line.
  private static let byLength: [[(bytes: [UInt8], field: EventField)]] = {
    var table = [[(bytes: [UInt8], field: EventField)]](repeating: [], count: 16)
    for field in allCases { table[field.key.utf8.count].append((Array(field.key.utf8), field)) }
    return table
  }()

  /// The field a member name denotes, or nil for a name the schema ignores.
  @inline(__always)
  public static func matching(_ key: UnsafeRawBufferPointer) -> EventField? {
    guard key.count < byLength.count else { return nil }
    for candidate in byLength[key.count] where candidate.bytes.elementsEqual(key) {
      return candidate.field
    }
    return nil
  }
}
