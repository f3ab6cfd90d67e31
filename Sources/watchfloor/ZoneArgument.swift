import ArgumentParser
import WatchfloorConsole

/// `--tz`: `UTC` or an offset `±HH:MM` (``DisplayZone``).
struct ZoneArgument: ExpressibleByArgument, Equatable {
  let zone: DisplayZone

  /// nil unless `argument` is `UTC`, `Z` or `±HH:MM` with hours to 23 and minutes to 59.
  init?(argument: String) {
    guard let zone = DisplayZone(argument) else { return nil }
    self.zone = zone
  }
}
