import Testing

@testable import WatchfloorModel

/// `ByteNames` through the two tables that use it: every member name and event type matches
/// itself, and near misses match nothing.
@Suite struct NameMatchingTests {
  private func field(_ text: String) -> EventField? {
    Array(text.utf8).withUnsafeBytes { EventField.names.match($0) }
  }

  @Test func everyMemberNameMatchesItsField() {
    for field in EventField.allCases {
      #expect(self.field(field.key) == field, "\(field.key)")
    }
  }

  @Test func everyTypeMatchesItsSpelling() {
    for type in EventType.allCases {
      #expect(EventType.named(type.name) == type, "\(type.name)")
    }
  }

  @Test func nearMissesMatchNothing() {
    let misses = [
      "", "t", "tss", "Ts", "TS", "ts ", " ts", "highValue", "high_valu", "high_value_",
      "incident.reportedx", "incident.reporte", "airlift.Approved", "summary\u{0}",
      "a_name_that_is_longer_than_twenty_four_bytes",
    ]
    for miss in misses {
      #expect(field(miss) == nil, "\(miss)")
      #expect(EventType.named(miss) == nil, "\(miss)")
    }
    // Each name with its last byte changed, and with a byte added: no neighbour matches.
    for name in EventField.allCases.map(\.key) + EventType.allCases.map(\.name) {
      var changed = Array(name.utf8)
      changed[changed.count - 1] ^= 0x01
      let changedText = String(decoding: changed, as: UTF8.self)
      #expect(field(changedText) == nil && EventType.named(changedText) == nil, "\(changedText)")
      #expect(field(name + "s") == nil && EventType.named(name + "s") == nil, "\(name)s")
    }
  }

  @Test func aLargeSetOfNamesFindsACollisionFreeTable() {
    let names = (0..<200).map { ("name-\($0)", $0) }
    let table = ByteNames(names)
    for (name, value) in names {
      #expect(Array(name.utf8).withUnsafeBytes { table.match($0) } == value)
    }
    #expect(Array("name-200".utf8).withUnsafeBytes { table.match($0) } == nil)
  }

  @Test func shortKeysTellEveryByteAndLengthApart() {
    func key(_ bytes: [UInt8]) -> ShortKey? { bytes.withUnsafeBytes { ShortKey($0) } }
    var failures: [String] = []
    for count in 0...ShortKey.maximumCount {
      let base = (0..<count).map { UInt8(0x41 + $0) }
      guard let baseKey = key(base) else {
        failures.append("no key at \(count)")
        continue
      }
      // A zero byte added is another length, so another key.
      if key(base + [0]) == baseKey { failures.append("length \(count)") }
      for position in 0..<count {
        var changed = base
        changed[position] ^= 0x20
        if key(changed) == baseKey { failures.append("byte \(position) of \(count)") }
      }
    }
    #expect(failures.isEmpty)
    #expect(key(Array(repeating: 0x41, count: ShortKey.maximumCount + 1)) == nil)
  }
}
