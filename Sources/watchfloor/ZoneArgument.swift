import ArgumentParser
import WatchfloorConsole

/// `--tz`: `UTC`, an offset `±HH:MM` or a zone name of the system's zoneinfo (``DisplayZone``).
struct ZoneArgument: ExpressibleByArgument, Equatable {
  let zone: DisplayZone

  /// nil unless `argument` is `UTC`, `Z`, `±HH:MM` with hours to 23 and minutes to 59, or a
  /// zone in the system's zoneinfo.
  init?(argument: String) {
    guard let zone = DisplayZone(argument) else { return nil }
    self.zone = zone
  }
}
