import WatchfloorFeed
import WatchfloorModel

/// A floor at full stretch for the render benchmark: 40 facilities (20 a side), 500 airlifts
/// that are not final in every status, and 300 incidents, most of them open.
enum BusyFloor {
  static func lines() -> [String] {
    var random = SplitMix64(seed: 40)
    var lines: [String] = []
    var minute = 0
    func ts() -> String {
      minute += 1
      return RFC3339.civil(1_768_975_200 + Int64(minute) * 60) + "Z"
    }
    for index in 0..<40 {
      let iraqi = index < 20
      let capacity = 1000 + Int(random.next(4000))
      let load = iraqi ? 0.6 + Double(random.next(160)) / 100 : 0.3 + Double(random.next(60)) / 100
      lines.append(
        #"{"ts":"\#(ts())","type":"facility.registered","facility":"\#(iraqi ? "iq" : "sy")-\#(index)","#
          + #""name":"Facility number \#(index)","region":"Region \#(index % 6)","side":"\#(iraqi ? "IQ" : "SY")","#
          + #""capacity":\#(capacity),"occupancy":\#(Int(Double(capacity) * load))}"#)
    }
    for index in 0..<500 {
      let id = "AL-\(1000 + index)"
      let origin = "sy-\(20 + Int(random.next(20)))"
      let destination = "iq-\(Int(random.next(20)))"
      let highValue = random.next(3) == 0 ? 1 + random.next(20) : 0
      lines.append(
        #"{"ts":"\#(ts())","type":"airlift.requested","airlift":"\#(id)","origin":"\#(origin)","#
          + #""destination":"\#(destination)","detainees":\#(40 + random.next(160)),"high_value":\#(highValue),"#
          + #""etd":"2026-01-22T0\#(random.next(10)):00:00Z","priority":"\#(random.next(6) == 0 ? "urgent" : "routine")","by":"liaison"}"#
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
        if random.next(3) == 0 {
          lines.append(#"{"ts":"\#(ts())","type":"airlift.departed","airlift":"\#(id)"}"#)
        }
      }
    }
    let severities = ["info", "low", "medium", "high", "critical"]
    for index in 0..<300 {
      lines.append(
        #"{"ts":"\#(ts())","type":"incident.reported","incident":"INC-\#(index)","sector":"sector-\#(random.next(12))","#
          + #""severity":"\#(severities[Int(random.next(5))])","kind":"infiltration","#
          + #""summary":"Movement reported near border post \#(index); patrol sent to check the fence line"}"#
      )
      if random.next(3) == 0 {
        lines.append(
          #"{"ts":"\#(ts())","type":"incident.acknowledged","incident":"INC-\#(index)","by":"karim"}"#
        )
      }
    }
    return lines
  }
}
