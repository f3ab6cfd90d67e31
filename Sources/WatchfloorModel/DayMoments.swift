/// The moments of one day of the log: the times at which the state as of a time changes.
///
/// As of T is a prefix of the log (spec/events.md), so the state only changes when T reaches
/// the `ts` of a line later than every line before it. Each such line starts a moment; the
/// lines after it up to the next one (equal times, late-written lines, bad lines) belong to
/// the same moment. Stepping from moment to moment therefore visits exactly the states that
/// `state --at T` can report, in order, even when clocks are out of order.
public struct DayMoments: Sendable {
  public let day: DayWindow
  /// The time of each moment, strictly increasing, all within the day.
  public private(set) var times: [Timestamp] = []
  /// The index of the first record of each moment.
  public private(set) var firstRecords: [Int] = []
  /// The record count (prefix length) before the day's first moment.
  public let startCount: Int
  /// The record count after the day's last moment.
  public let endCount: Int
  /// Records per hour of the day, by the time of their moment.
  public private(set) var hourCounts = [Int](repeating: 0, count: 24)
  /// What happened in each minute of the day, for the timeline's markers.
  public private(set) var minuteMarks = [MomentMarks](repeating: MomentMarks(), count: 1440)
  /// The moments holding a decision or an incident report or change, for `n` and `N`.
  public private(set) var notableMoments: [Int] = []

  public init(timeline: Timeline, day: DayWindow) {
    self.day = day
    let range = timeline.records(of: day)
    startCount = range.lowerBound
    endCount = range.upperBound
    var latest = Timestamp.missing
    for index in range {
      let record = timeline[index]
      if !record.ts.isMissing && (latest.isMissing || latest < record.ts) {
        latest = record.ts
        times.append(record.ts)
        firstRecords.append(index)
      }
      // The range starts with a line later than every line before it: the first moment.
      let moment = max(0, times.count - 1)
      let time = times.isEmpty ? day.start : times[moment]
      let second = Int(time.seconds - day.start.seconds)
      hourCounts[min(23, max(0, second / 3600))] += 1
      guard record.disposition == .applied, let type = record.body.type else { continue }
      let minute = min(1439, max(0, second / 60))
      var isNotable = false
      switch type {
      case .airliftLanded:
        minuteMarks[minute].landings = true
      case .incidentReported, .incidentUpdated:
        let severity: Severity? =
          switch record.body {
          case .incidentReported(let report): report.severity
          case .incidentUpdated(let update): update.severity
          default: nil
          }
        minuteMarks[minute].noteIncident(severity)
        isNotable = true
      default:
        // An officer's decision: the spec's, and cancellations and diversions that name one.
        if type.isDecision || (DecisionKind(eventType: type) != nil && !record.by.isNone) {
          minuteMarks[minute].decisions = true
          isNotable = true
        }
      }
      if isNotable && notableMoments.last != moment { notableMoments.append(moment) }
    }
  }

  public var count: Int { times.count }

  /// The record count after moment `index` (the state the cursor shows there).
  public func recordCount(after index: Int) -> Int {
    guard index >= 0 else { return startCount }
    return index + 1 < firstRecords.count ? firstRecords[index + 1] : endCount
  }

  /// The moment the state as of `time` is in: the last moment at or before it, or -1 before
  /// the day's first moment (the state carried in from earlier days).
  public func moment(at time: Timestamp) -> Int {
    var low = 0
    var high = times.count
    while low < high {
      let middle = (low + high) / 2
      if time < times[middle] { high = middle } else { low = middle + 1 }
    }
    return low - 1
  }

  /// The first notable moment after `moment`, or nil.
  public func nextNotable(after moment: Int) -> Int? {
    let position = firstNotablePosition(above: moment)
    return position < notableMoments.count ? notableMoments[position] : nil
  }

  /// The last notable moment before `moment`, or nil.
  public func previousNotable(before moment: Int) -> Int? {
    let position = firstNotablePosition(above: moment - 1) - 1
    return position >= 0 ? notableMoments[position] : nil
  }

  /// The position in `notableMoments` of the first one greater than `moment`.
  private func firstNotablePosition(above moment: Int) -> Int {
    var low = 0
    var high = notableMoments.count
    while low < high {
      let middle = (low + high) / 2
      if notableMoments[middle] <= moment { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

/// What a minute of the timeline holds, for its marker.
public struct MomentMarks: Sendable, Equatable {
  public var decisions = false
  public var landings = false
  /// The highest severity of the incidents reported or changed, or nil for none.
  public var incidentSeverity: Severity?

  public init() {}

  mutating func noteIncident(_ severity: Severity?) {
    let severity = severity ?? .info
    if let known = incidentSeverity, known.rawValue >= severity.rawValue { return }
    incidentSeverity = severity
  }

  /// The marks of two spans together.
  public func merged(with other: MomentMarks) -> MomentMarks {
    var result = self
    result.decisions = decisions || other.decisions
    result.landings = landings || other.landings
    if let severity = other.incidentSeverity { result.noteIncident(severity) }
    return result
  }
}
