import WatchfloorModel

/// The detail view of one item: the item, and the index of the log's records that touched it,
/// built when the view opens and extended as lines arrive, so drawing it never walks the log.
public struct DetailHistory: Equatable, Sendable {
  public var subject: DetailSubject
  /// Indexes of the timeline's records about the item (applied or anomalies), ascending.
  public private(set) var records: [Int] = []
  /// How many of the timeline's records were examined.
  public private(set) var examined = 0
  /// The first line of the view shown (it wraps and scrolls).
  public var offset = 0
  /// The airlifts that touch a facility (requested from or to it, or diverted to it): their
  /// departures, landings and diversions are its history too.
  private var airlifts: Set<Symbol> = []

  public init(_ subject: DetailSubject, timeline: Timeline) {
    self.subject = subject
    extend(timeline)
  }

  /// Examines the records the timeline gained since the last call.
  public mutating func extend(_ timeline: Timeline) {
    let end = timeline.count
    guard examined < end else { return }
    for index in examined..<end {
      let record = timeline[index]
      guard record.disposition == .applied || record.disposition == .anomaly, touches(record)
      else { continue }
      records.append(index)
      if case .facility(let facility) = subject {
        switch record.body {
        case .airliftRequested(let request):
          if request.origin == facility || request.destination == facility {
            airlifts.insert(request.airlift)
          }
        case .airliftDiverted(let airlift, let destination, _) where destination == facility:
          airlifts.insert(airlift)
        default: break
        }
      }
    }
    examined = end
  }

  /// The records of the history among the first `count` records of the log (a replay shows
  /// the history as of its cursor).
  public func records(before count: Int) -> ArraySlice<Int> {
    var low = 0
    var high = records.count
    while low < high {
      let middle = (low + high) / 2
      if records[middle] < count { low = middle + 1 } else { high = middle }
    }
    return records[..<low]
  }

  private func touches(_ record: LogRecord) -> Bool {
    switch subject {
    case .airlift(let symbol): return record.body.airlift == symbol
    case .incident(let symbol): return record.body.incident == symbol
    case .facility(let symbol):
      switch record.body {
      case .facilityRegistered(let registration): return registration.facility == symbol
      case .facilityUpdated(let update): return update.facility == symbol
      case .detaineesRepatriated(_, let facility, _): return facility == symbol
      case .airliftRequested(let request):
        return request.origin == symbol || request.destination == symbol
      case .airliftDiverted(let airlift, let destination, _):
        return destination == symbol || airlifts.contains(airlift)
      case .airliftDeparted(let airlift), .airliftLanded(let airlift, _):
        return airlifts.contains(airlift)
      default: return false
      }
    }
  }
}
