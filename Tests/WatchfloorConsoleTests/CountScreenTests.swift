import Foundation
import Testing
import WatchfloorConsole
import WatchfloorModel

/// An airlift of 1,234,567 detainees, 123,456 of them high value: every screen shows the counts
/// whole or compact (`1.2M`, `123k`), never cut (`1,234`, `1234`).
@Suite("Large counts on screen")
struct CountScreenTests {
  /// The first sample day's facilities, then the big airlift and a second one of 99,950
  /// detainees, approved once.
  static func console(width: Int, height: Int, departed: Bool = false) throws -> ConsoleModel {
    let url = packageRoot.appendingPathComponent("samples/2026-01-21.jsonl")
    let facilities = try String(contentsOf: url, encoding: .utf8)
      .split(separator: "\n").map(String.init).filter { $0.contains("\"facility.registered\"") }
    var lines =
      facilities + [
        #"{"ts":"2026-01-21T05:00:00Z","type":"airlift.requested","airlift":"AL-BIG","origin":"ghwayran","destination":"karkh","detainees":1234567,"high_value":123456,"etd":"2026-01-21T08:00:00Z","by":"rana"}"#,
        #"{"ts":"2026-01-21T05:01:00Z","type":"airlift.requested","airlift":"AL-SMALL","origin":"hol","destination":"karkh","detainees":99950,"high_value":9999,"etd":"2026-01-21T08:00:00Z","by":"rana"}"#,
        #"{"ts":"2026-01-21T05:02:00Z","type":"airlift.approved","airlift":"AL-SMALL","by":"noor"}"#,
      ]
    if departed {
      lines += [
        #"{"ts":"2026-01-21T05:03:00Z","type":"airlift.approved","airlift":"AL-BIG","by":"noor"}"#,
        #"{"ts":"2026-01-21T05:04:00Z","type":"airlift.approved","airlift":"AL-BIG","by":"karim"}"#,
        #"{"ts":"2026-01-21T05:05:00Z","type":"airlift.departed","airlift":"AL-BIG"}"#,
      ]
    }
    let timeline = Timeline()
    ingest(lines, into: timeline)
    var model = ConsoleModel(
      timeline: timeline, size: (width, height), now: timeline.current.latest,
      operatorName: "hassan", feed: FeedHealth(source: "big"))
    model.state = timeline.current
    model.keepSelectionsVisible()
    return model
  }

  static func row(_ screen: [String], _ id: String) throws -> String {
    try #require(screen.first { $0.contains(id) }, "no row for \(id)")
  }

  @Test(
    "DET and HV show 1.2M and 123k, the whole 99950 and 9999", arguments: [(80, 24), (120, 40)])
  func airliftColumns(width: Int, height: Int) throws {
    let screen = try Self.console(width: width, height: height).screen
    let big = try Self.row(screen, "AL-BIG")
    #expect(big.contains(" 1.2M 123k "), "\(big)")
    #expect(!big.contains("1,234 ") && !big.contains(" 1234 "), "\(big)")
    let small = try Self.row(screen, "AL-SMALL")
    #expect(small.contains(" 99950 9999 "), "\(small)")
    #expect(!small.contains("99,95 "), "\(small)")
  }

  @Test("in flight: the header and the inbound figure, whole where there is room")
  func headerAndOccupancy() throws {
    let narrow = try Self.console(width: 80, height: 24, departed: true).screen
    #expect(narrow[1].contains("in flight 1 (1.2M) │ alerts 0 │ moved 0/7,000"), "\(narrow[1])")
    #expect(!narrow[1].contains("1,234"))
    let karkh80 = try Self.row(narrow, "› karkh")
    #expect(karkh80.contains("5,740/3,000 +1,234,567"), "\(karkh80)")
    #expect(try Self.row(narrow, "AL-BIG").contains(" 1.2M 123k "))

    let wide = try Self.console(width: 120, height: 40, departed: true).screen
    #expect(wide[1].contains("in flight 1 (1,234,567) │ alerts 0 unacked │ moved 0/7,000"))
    let karkh120 = try Self.row(wide, "› karkh")
    #expect(karkh120.contains("5,740/3,000 +1,234,567 "), "\(karkh120)")
  }

  @Test("the decision dialog shows the counts whole at 120 columns, compact at 80")
  func dialog() throws {
    for (width, height, expected) in [
      (120, 40, "1,234,567 detainees, 123,456 high-value"),
      (80, 24, "1.2M detainees, 123k high-value"),
    ] {
      var model = try Self.console(width: width, height: height)
      for _ in 0..<2 where !(model.screen.contains { $0.contains("› ") && $0.contains("AL-BIG") }) {
        model.press(.character("j"))
      }
      model.press(.character("a"))
      let text = model.screenText
      #expect(text.contains("Approve airlift AL-BIG"), "\(text)")
      #expect(text.contains(expected), "\(width)x\(height):\n\(text)")
    }
  }
}
