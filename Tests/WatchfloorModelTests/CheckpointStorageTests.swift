import Testing

@testable import WatchfloorModel

/// The copy-on-write storage that timeline checkpoints share with the state that goes on
/// changing (`LeafTree`, `Slots`, `SymbolSet`, `IncidentSlots`), and where records were read
/// (`RecordLocations`).
@Suite("Checkpoint storage and record locations")
struct CheckpointStorageTests {
  @Test("a copy of slots keeps its values while the original changes, across leaves and branches")
  func slotsCopiesAreIndependent() {
    var slots = Slots<Int>()
    // Symbols spread over several leaves (16) and branches (1,024), with gaps.
    let symbols = [0, 1, 15, 16, 17, 1023, 1024, 1025, 5000].map { Symbol(UInt32($0)) }
    for symbol in symbols { slots[symbol] = symbol.index * 10 }
    let checkpoint = slots
    for symbol in symbols { slots[symbol] = symbol.index * 10 + 1 }
    slots[Symbol(17)] = nil
    slots.update(Symbol(0)) { $0 += 5 }
    slots.update(Symbol(2)) { $0 += 5 }  // holds nothing: stays nothing
    slots[Symbol(9000)] = 9

    #expect(checkpoint.count == symbols.count)
    #expect(checkpoint.symbols == symbols)
    for symbol in symbols { #expect(checkpoint[symbol] == symbol.index * 10) }
    #expect(checkpoint[Symbol(9000)] == nil)

    #expect(slots.count == symbols.count)  // one removed, one added
    #expect(slots[Symbol(0)] == 6)
    #expect(slots[Symbol(2)] == nil)
    #expect(slots[Symbol(17)] == nil)
    #expect(slots[Symbol(5000)] == 50_001)
    #expect(slots[Symbol(9000)] == 9)
    #expect(slots[Symbol.none] == nil)
    var entries: [Int] = []
    slots.forEachEntry { symbol, _ in entries.append(symbol.index) }
    #expect(entries == [0, 1, 15, 16, 1023, 1024, 1025, 5000, 9000])
  }

  @Test("a symbol set agrees with Set<Symbol> through inserts and removes; copies are independent")
  func symbolSetAgreesWithSet() {
    var random = SplitMix64(seed: 2026)
    var ours = SymbolSet()
    var reference = Set<Symbol>()
    var checkpoints: [(SymbolSet, Set<Symbol>)] = []
    for step in 0..<5000 {
      let symbol = Symbol(UInt32.random(in: 0..<3000, using: &random))
      if Bool.random(using: &random) {
        let inserted = ours.insert(symbol)
        #expect(inserted == reference.insert(symbol).inserted)
      } else {
        let removed = ours.remove(symbol)
        #expect(removed == (reference.remove(symbol) != nil))
      }
      if step % 500 == 0 { checkpoints.append((ours, reference)) }
    }
    #expect(ours.count == reference.count)
    #expect(ours.members == reference.sorted())
    #expect(Set(ours) == reference)
    for symbol in (0..<3000).map({ Symbol(UInt32($0)) }) {
      #expect(ours.contains(symbol) == reference.contains(symbol))
    }
    for (kept, expected) in checkpoints {
      #expect(kept.members == expected.sorted())
      #expect(kept.count == expected.count)
    }
    #expect(!ours.contains(.none))
    let insertedNone = ours.insert(.none)
    #expect(!insertedNone)
    #expect(SymbolSet(reference) == ours)
  }

  @Test("incidents read back as written, and a copy keeps the incident as it was")
  func incidentSlotsRoundTrip() {
    var incidents = IncidentSlots()
    let first = Incident(
      sector: Symbol(1), kind: Symbol(2), facility: .none,
      reportedAt: Timestamp(seconds: 1_800_000_000, nanoseconds: 5), severity: .high,
      summary: Symbol(3), status: .open, acknowledgedBy: .none)
    incidents[Symbol(40)] = first
    let checkpoint = incidents
    var acknowledged = first
    acknowledged.status = .acknowledged
    acknowledged.acknowledgedBy = Symbol(7)
    acknowledged.severity = .critical
    incidents[Symbol(40)] = acknowledged

    #expect(incidents.count == 1)
    #expect(incidents.symbols == [Symbol(40)])
    #expect(incidents[Symbol(40)]?.status == .acknowledged)
    #expect(incidents[Symbol(40)]?.acknowledgedBy == Symbol(7))
    #expect(incidents[Symbol(40)]?.severity == .critical)
    #expect(incidents[Symbol(40)]?.reportedAt == first.reportedAt)
    #expect(incidents[Symbol(40)]?.sector == Symbol(1))
    #expect(checkpoint[Symbol(40)]?.status == .open)
    #expect(checkpoint[Symbol(40)]?.severity == .high)
    #expect(checkpoint[Symbol(40)]?.acknowledgedBy == Symbol.none)
    #expect(incidents[Symbol(41)] == nil)
    incidents[Symbol(40)] = nil
    #expect(incidents.count == 0 && incidents[Symbol(40)] == nil)
  }

  @Test("each record knows its file and line, across blank lines and files")
  func recordLocations() {
    let timeline = Timeline(checkpointInterval: 2)
    let files = [timeline.addSource("a.jsonl"), timeline.addSource("b.jsonl")]
    let event = #"{"ts":"2026-01-21T06:00:00Z","type":"incident.acknowledged","incident":"I1"}"#
    // (file, line) of each line given to the timeline; a blank line makes no record, and
    // "scan" stands for a line the reader's scan found malformed. Line numbers may go back
    // (a file read again from the start after it was replaced).
    let lines: [(Int, Int, String)] = [
      (files[0], 1, event), (files[0], 2, event), (files[0], 3, ""), (files[0], 4, event),
      (files[0], 5, "not json"), (files[1], 1, event), (files[1], 2, ""), (files[1], 3, ""),
      (files[1], 4, event), (files[1], 5, "scan"), (files[1], 6, event), (files[0], 6, event),
      (files[0], 2, event), (files[0], 3, event),
    ]
    for (source, line, text) in lines {
      if text == "scan" {
        timeline.ingest(malformed: "not an object", lineNumber: line, source: source)
        continue
      }
      var text = text
      text.withUTF8 {
        _ = timeline.ingest(UnsafeRawBufferPointer($0), lineNumber: line, source: source)
      }
    }
    let expected = lines.filter { !$0.2.isEmpty }
    #expect(timeline.count == expected.count)
    for (index, (source, line, _)) in expected.enumerated() {
      #expect(timeline.location(ofRecord: index) == RecordLocation(source: source, line: line))
      #expect(
        timeline.sourceName(timeline.location(ofRecord: index)) == ["a.jsonl", "b.jsonl"][source])
    }
    #expect(MemoryLayout<LogRecord>.stride == 40)
  }
}
