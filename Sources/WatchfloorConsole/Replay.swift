import WatchfloorModel

/// Where a replay stands: the day, the cursor's time and the playback.
///
/// The cursor is a time, and the panes show the state as of it, so every position is one that
/// `watchfloor state --at T` reports. Playback is driven by frame times from a monotonic clock
/// (`advance(toFrame:)`); nothing here reads a clock, so tests drive it with made-up times.
public struct Replay: Sendable {
  /// Playback speeds, in seconds of the log per second of wall time.
  public static let speeds: [Double] = [1, 10, 60, 600, 3600]
  /// A stretch with nothing in it that would take longer than this in wall seconds is jumped.
  public static let longestQuietSeconds = 60.0
  /// Checkpoints of the timeline a replay reads: twice as dense as live, because a replay
  /// seeks all the time; it costs about 10 bytes more a record.
  public static let checkpointInterval = 16_384
  /// How long before the next event a jump over a quiet stretch lands, in wall seconds.
  static let leadInSeconds = 1.0

  public private(set) var moments: DayMoments
  /// The cursor: the panes show the state as of this time.
  public private(set) var time: Timestamp
  public private(set) var speedIndex: Int
  public private(set) var isPlaying = false
  /// The monotonic time of the last frame while playing; nil until the first frame after play.
  private var lastFrame: Double?
  /// The `g` entry being typed, or nil.
  public var timeEntry: String?
  /// A short word on the last jump or refusal: "skipped 2h 10m of quiet", "end of the day".
  public var notice: String?

  public init(moments: DayMoments, time: Timestamp? = nil, speedIndex: Int = 2) {
    self.moments = moments
    self.time = moments.day.start
    self.speedIndex = max(0, min(Self.speeds.count - 1, speedIndex))
    if let time { move(to: time) }
  }

  public var day: DayWindow { moments.day }
  public var speed: Double { Self.speeds[speedIndex] }
  /// The moment under the cursor, -1 before the day's first.
  public var moment: Int { moments.moment(at: time) }
  /// How many records of the log the state under the cursor holds.
  public var recordCount: Int { moments.recordCount(after: moment) }

  // MARK: Moving the cursor

  /// Puts the cursor at `time`, kept within the day.
  public mutating func move(to time: Timestamp) {
    if time < day.start {
      self.time = day.start
    } else if day.last < time {
      self.time = day.last
    } else {
      self.time = time
    }
  }

  /// Moves to another day (`g` with a date), on its moments.
  public mutating func change(to moments: DayMoments, at time: Timestamp) {
    self.moments = moments
    move(to: time)
  }

  /// One moment forward; false at the day's last.
  @discardableResult
  public mutating func stepForward() -> Bool {
    let next = moment + 1
    guard next < moments.count else {
      notice = moments.count == 0 ? "no events this day" : "last event of the day"
      return false
    }
    time = moments.times[next]
    return true
  }

  /// One moment back; false at the start of the day.
  @discardableResult
  public mutating func stepBack() -> Bool {
    let current = moment
    let target = current > 0 ? moments.times[current - 1] : day.start
    // A first moment at exactly midnight is the day's start: there is nothing before it.
    guard current >= 0, target < time else {
      notice = "start of the day"
      return false
    }
    time = target
    return true
  }

  public mutating func jump(hours: Int) {
    let before = time
    move(to: time.adding(seconds: Int64(hours) * 3600))
    if time == before { notice = hours > 0 ? "end of the day" : "start of the day" }
  }

  /// The day's first event (or its start when it has none).
  public mutating func first() {
    move(to: moments.times.first ?? day.start)
  }

  /// The day's last event (or its start when it has none).
  public mutating func last() {
    move(to: moments.times.last ?? day.start)
  }

  /// The next (or previous) moment with a decision or an incident; false when there is none.
  @discardableResult
  public mutating func jumpToNotable(forward: Bool) -> Bool {
    let current = moment
    let target =
      forward ? moments.nextNotable(after: current) : moments.previousNotable(before: current)
    guard let target else {
      notice = "no \(forward ? "later" : "earlier") decision or incident this day"
      return false
    }
    time = moments.times[target]
    return true
  }

  // MARK: Playback

  /// Plays or pauses. Playing from the day's end is refused: there is nothing left to play.
  public mutating func togglePlaying() {
    if isPlaying {
      isPlaying = false
      return
    }
    guard time < day.last else {
      notice = "end of the day: Home goes back to its first event"
      return
    }
    isPlaying = true
    lastFrame = nil
    notice = nil
  }

  public mutating func changeSpeed(by steps: Int) {
    speedIndex = max(0, min(Self.speeds.count - 1, speedIndex + steps))
  }

  /// Moves the cursor on by the wall time since the last frame, at the speed; jumps a quiet
  /// stretch that would take longer than a minute; stops at the end of the day. Returns
  /// whether the cursor moved.
  @discardableResult
  public mutating func advance(toFrame seconds: Double) -> Bool {
    guard isPlaying else { return false }
    let before = time
    if let lastFrame {
      let elapsed = max(0, seconds - lastFrame)
      let nanoseconds = min(Double(86_400e9), elapsed * speed * 1e9)
      time = time.adding(nanoseconds: Int64(nanoseconds))
    }
    lastFrame = seconds
    if !(time < day.last) {
      time = day.last
      isPlaying = false
      notice = "end of the day"
      return time != before
    }
    skipQuietStretch()
    return time != before
  }

  /// When the next event (or the day's end) is more than a minute of wall time away, jumps to
  /// a second before it, so that the officer is not left watching a still screen. The event
  /// just passed stays on screen for a second of wall time first.
  private mutating func skipQuietStretch() {
    let current = moment
    let shownSince = current >= 0 ? moments.times[current] : day.start
    let shownSeconds = (time.totalNanoseconds - shownSince.totalNanoseconds) / 1e9
    guard shownSeconds / speed >= Self.leadInSeconds else { return }
    let next = current + 1
    let target = next < moments.count ? moments.times[next] : day.last
    let gapSeconds = (target.totalNanoseconds - time.totalNanoseconds) / 1e9
    guard gapSeconds / speed > Self.longestQuietSeconds else { return }
    let landing = target.adding(nanoseconds: -Int64(Self.leadInSeconds * speed * 1e9))
    guard time < landing else { return }
    let skipped = Int64((landing.totalNanoseconds - time.totalNanoseconds) / 1e9)
    time = landing
    notice = "skipped \(ConsoleTime.duration(seconds: skipped)) of quiet"
  }
}
