import WatchfloorModel

extension ConsoleModel {
  /// The display zone's offset from UTC at `time`, in minutes.
  public func zoneOffsetMinutes(at time: Timestamp) -> Int {
    zone.minutes(at: time)
  }
}
