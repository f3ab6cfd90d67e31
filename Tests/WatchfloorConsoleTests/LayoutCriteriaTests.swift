import Testing
import WatchfloorConsole
import WatchfloorModel

/// The layout's promises, checked on a log the samples did not shape: facility ids of 12
/// characters, names of 24, incident summaries of 100, at every width from 80 to 250.
@Suite("Layout on other logs: routes whole, names whole, summaries long, nothing cut beside blanks")
struct LayoutCriteriaTests {
  static let iraqi = ["nasiriyah-cp", "karkh-annexe", "sulaymani-02", "basra-hold-4"]
  static let syrian = ["ghwayran-nth", "hol-camp-ann", "qamishli-old"]
  static let names = [
    "Nasiriyah Central Prison", "Karkh Prison East Annexe", "Sulaymaniyah Facility 02",
    "Basra Holding Site No. 4", "al-Ghwayran North Block", "al-Hol Camp Annexe Wards",
    "Qamishli Old Town Centre",
  ]
  static let summary = String(
    "Convoy delayed at the checkpoint north of the crossing; escort requested from the next sector now"
      .prefix(100))

  static func console(width: Int, height: Int) -> ConsoleModel {
    var lines: [String] = []
    let facilities = iraqi + syrian
    for (index, id) in facilities.enumerated() {
      let side = index < iraqi.count ? "IQ" : "SY"
      lines.append(
        #"{"ts":"2026-02-01T06:00:0\#(index)Z","type":"facility.registered","facility":"\#(id)","name":"\#(names[index])","region":"R\#(index)","side":"\#(side)","capacity":1000,"occupancy":\#(index * 300)}"#
      )
    }
    for index in 0..<6 {
      let origin = syrian[index % syrian.count]
      let destination = iraqi[index % iraqi.count]
      lines.append(
        #"{"ts":"2026-02-01T07:0\#(index):00Z","type":"airlift.requested","airlift":"AX-\#(index)","origin":"\#(origin)","destination":"\#(destination)","detainees":\#(40 + index),"high_value":\#(index % 2),"etd":"2026-02-01T12:00:00Z","priority":"urgent"}"#
      )
    }
    for index in 0..<5 {
      let text = String((summary + " \(index)").suffix(100))
      lines.append(
        #"{"ts":"2026-02-01T08:0\#(index):00Z","type":"incident.reported","incident":"IX-\#(index)","sector":"border-sector-\#(index)","severity":"high","kind":"movement","summary":"\#(text)"}"#
      )
    }
    let timeline = Timeline()
    ingest(lines, into: timeline)
    return ConsoleModel(
      timeline: timeline, size: (width, height), now: timeline.current.latest,
      operatorName: "hassan", feed: FeedHealth(source: "other.jsonl"))
  }

  static func routes(_ model: ConsoleModel) -> [String] {
    model.airliftRows().map { airlift in
      let destination = model.tables.facility(airlift.destination)
      let overloaded = model.state.facilities[airlift.destination]?.projectedLoadLevel
      return model.tables.facility(airlift.origin) + " → " + destination
        + (overloaded == .farOverCapacity ? " !" : "")
    }
  }

  @Test("at every width from 80 to 250 every route shows in full, with its mark")
  func routesWhole() {
    for width in 80...250 {
      let model = Self.console(width: width, height: 40)
      let screen = model.screenText
      for route in Self.routes(model) {
        #expect(
          screen.contains(route + " ") || screen.contains(route + "┃")
            || screen.contains(route + "│"), "\(width) columns: \(route)")
      }
    }
  }

  @Test("at 120x40 every facility's full name and at least 45 columns of each summary")
  func at120() {
    let screen = Self.console(width: 120, height: 40).screenText
    for name in Self.names { #expect(screen.contains(name), "\(name)") }
    for index in 0..<5 {
      let text = String((Self.summary + " \(index)").suffix(100))
      #expect(screen.contains(String(text.prefix(45))), "IX-\(index)")
    }
  }

  @Test("at 200x50 summaries of 100 characters show whole; no column wider than it needs")
  func at200() {
    let model = Self.console(width: 200, height: 50)
    let screen = model.screenText
    for index in 0..<5 {
      #expect(screen.contains(String((Self.summary + " \(index)").suffix(100))), "IX-\(index)")
    }
    // Each column of the airlifts table is at most as wide as its widest cell or title.
    let rows = model.airliftRows()
    let widths = model.airliftTable.widths(for: rows, width: 150)
    let wanted = model.airliftTable.columns.map { column in
      max(
        DisplayWidth.of(column.title),
        rows.map { column.cell($0).reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 0)
    }
    for (index, width) in widths.enumerated() {
      if let width {
        #expect(width <= wanted[index] + 1, "\(model.airliftTable.columns[index].title)")
      }
    }
  }

  @Test("at 80x24 the header keeps the moved figure and the feed, uncut; the footer q and ?")
  func at80() {
    let screen = Self.console(width: 80, height: 24).screen
    #expect(screen[1].contains("/7,000"), "\(screen[1])")
    #expect(screen[0].contains("feed"), "\(screen[0])")
    #expect(!screen[0].contains("…") && !screen[1].contains("…"))
    #expect(screen[23].contains("q quit") && screen[23].contains("? help"), "\(screen[23])")
  }

  @Test("no pane keeps 12 blank columns on a row while the pane beside it cuts text")
  func noWasteBesideCuts() {
    for width in stride(from: 80, through: 250, by: 10) {
      for (log, model) in [
        ("other", Self.console(width: width, height: 40)),
        ("samples", try? sampleConsole(width: width, height: 40)),
      ] {
        guard let model else { continue }
        let screen = model.screen
        let layout = model.layout
        guard layout.sideBySide else { continue }
        let split = layout.occupancy.x
        for y in (layout.occupancy.y + 1)..<(layout.occupancy.maxY - 1) {
          let characters = Array(screen[y])
          guard characters.count > split + 1 else { continue }
          let left = String(characters[1..<(split - 1)])
          let right = String(characters[(split + 1)..<max(split + 1, characters.count - 1)])
          let leftBlank = left.reversed().prefix { $0 == " " }.count
          let rightBlank = right.reversed().prefix { $0 == " " }.count
          let leftHasText = left.contains { $0 != " " }
          let rightHasText = right.contains { $0 != " " }
          #expect(
            !(leftHasText && leftBlank >= 12 && right.contains("…")),
            "\(log) at \(width): row \(y) wastes the left pane beside a cut: \(screen[y])")
          #expect(
            !(rightHasText && rightBlank >= 12 && left.contains("…")),
            "\(log) at \(width): row \(y) wastes occupancy beside a cut: \(screen[y])")
        }
      }
    }
  }
}
