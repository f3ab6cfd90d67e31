import WatchfloorFeed
import WatchfloorModel

/// A big floor for the render benchmark: 40 facilities, `active` airlifts that are not final
/// (in every status, with ETDs from 12 hours before `now` to 36 hours after it, so some
/// become overdue while the console watches) and `active` incidents not resolved, most of
/// them open.
enum BigFloor {
  static func lines(active: Int, now: Int64) -> [String] {
    var random = SplitMix64(seed: 13)
    var lines = Array(BusyFloor.lines().prefix(40))
    lines.reserveCapacity(40 + active * 3)
    // The events span the two days before `now`, one every few hundred milliseconds.
    let start = now - 2 * 86_400
    var index = 0
    func ts() -> String {
      index += 1
      let millis = Int64(index) * 172_000_000 / Int64(max(1, active * 3))
      let seconds = start + millis / 1000
      let fraction = String(1000 + millis % 1000).dropFirst()
      return RFC3339.civil(seconds) + ".\(fraction)Z"
    }
    for number in 0..<active {
      let id = "AL-\(100_000 + number)"
      let origin = "sy-\(20 + Int(random.next(20)))"
      let destination = "iq-\(Int(random.next(20)))"
      let highValue = random.next(4) == 0 ? 1 + random.next(20) : 0
      let etd = RFC3339.civil(now - 12 * 3600 + Int64(random.next(48 * 3600))) + "Z"
      lines.append(
        #"{"ts":"\#(ts())","type":"airlift.requested","airlift":"\#(id)","origin":"\#(origin)","#
          + #""destination":"\#(destination)","detainees":\#(20 + random.next(160)),"high_value":\#(highValue),"#
          + #""etd":"\#(etd)","priority":"\#(random.next(6) == 0 ? "urgent" : "routine")","by":"liaison"}"#
      )
      switch random.next(5) {
      case 0:
        break
      case 1:
        lines.append(
          #"{"ts":"\#(ts())","type":"airlift.held","airlift":"\#(id)","by":"noor","reason":"escort"}"#
        )
      default:
        lines.append(
          #"{"ts":"\#(ts())","type":"airlift.approved","airlift":"\#(id)","by":"hassan"}"#)
        if highValue > 0 && random.next(2) == 0 {
          lines.append(
            #"{"ts":"\#(ts())","type":"airlift.approved","airlift":"\#(id)","by":"layla"}"#)
        }
      }
    }
    let severities = ["info", "low", "medium", "high", "critical"]
    for number in 0..<active {
      lines.append(
        #"{"ts":"\#(ts())","type":"incident.reported","incident":"INC-\#(100_000 + number)","sector":"sector-\#(random.next(12))","#
          + #""severity":"\#(severities[Int(random.next(5))])","kind":"infiltration","#
          + #""summary":"Movement reported near border post \#(number); patrol sent to check the fence line"}"#
      )
      if random.next(8) == 0 {
        lines.append(
          #"{"ts":"\#(ts())","type":"incident.acknowledged","incident":"INC-\#(100_000 + number)","by":"karim"}"#
        )
      }
    }
    return lines
  }
}
