import Foundation
import Testing
import WatchfloorLog
import WatchfloorModel

@Suite("Cancel and divert through the journal's decision path")
struct JournalCancelDivertTests {
  /// Karkh and Sulaymaniyah (Iraq), Al-Hol (Syria); AL-1, 40 detainees from Al-Hol to Karkh,
  /// approved by noor; AL-2 pending.
  static let setup = [
    #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"karkh","name":"Karkh","region":"Baghdad","side":"IQ","capacity":3000,"occupancy":100}"#,
    #"{"ts":"2026-01-21T06:00:01Z","type":"facility.registered","facility":"suly","name":"Sulaymaniyah","region":"Kurdistan","side":"IQ","capacity":900,"occupancy":880}"#,
    #"{"ts":"2026-01-21T06:00:02Z","type":"facility.registered","facility":"hol","name":"Al-Hol","region":"Hasakah","side":"SY","capacity":500,"occupancy":400}"#,
    #"{"ts":"2026-01-21T06:05:00Z","type":"airlift.requested","airlift":"AL-1","origin":"hol","destination":"karkh","detainees":40,"etd":"2026-01-21T09:00:00Z","by":"ops"}"#,
    #"{"ts":"2026-01-21T06:06:00Z","type":"airlift.requested","airlift":"AL-2","origin":"hol","destination":"karkh","detainees":10,"etd":"2026-01-21T10:00:00Z","by":"ops"}"#,
    #"{"ts":"2026-01-21T06:10:00Z","type":"airlift.approved","airlift":"AL-1","by":"noor"}"#,
  ]

  func makeLog() throws -> String {
    let file = try temporaryDirectory().appendingPathComponent("ops.jsonl")
    try Data((Self.setup.joined(separator: "\n") + "\n").utf8).write(to: file)
    return file.path
  }

  let time = Timestamp(seconds: 1_768_986_000)

  func write(_ order: DecisionOrder, _ path: String, force: Bool = false) throws
    -> DecisionOutcome
  {
    let context = PolicyContext(
      operatorName: "hassan", role: .approver, rosterIsOpen: true, now: time)
    return try Journal(path: path).write(
      order, by: "hassan", at: time, context: context, acceptingWarnings: force)
  }

  func readBack(_ path: String) throws -> Timeline {
    let timeline = Timeline()
    try LogReader.read([path], into: timeline)
    return timeline
  }

  /// The members of a written line, in the order written.
  func keys(_ line: String) -> [String] {
    line.split(separator: ",").compactMap { member in
      let text = member.drop { $0 == "{" }
      guard text.first == "\"", let end = text.dropFirst().firstIndex(of: "\"") else { return nil }
      return String(text[text.index(after: text.startIndex)..<end])
    }
  }

  @Test("divert writes airlift, destination, reason and by in the spec's order; the chain verifies")
  func divertLine() throws {
    let path = try makeLog()
    let outcome = try write(
      DecisionOrder(kind: .divert, subjectID: "AL-1", reason: "Karkh full", destinationID: "suly"),
      path, force: true)
    guard case .written(let receipt, let warnings) = outcome else {
      Issue.record("refused: \(outcome)")
      return
    }
    #expect(receipt.line.contains(#""type":"airlift.diverted""#))
    #expect(
      keys(receipt.line) == ["ts", "type", "id", "airlift", "destination", "reason", "by", "chain"])
    #expect(
      receipt.line.contains(
        #""airlift":"AL-1","destination":"suly","reason":"Karkh full","by":"hassan""#))
    // Sulaymaniyah: 880 of 900 + 40 = 920 after landing.
    #expect(
      warnings == [
        #"destination "suly" will be over capacity after landing: 920 detainees for 900 places (102.3%)"#
      ])
    let timeline = try readBack(path)
    #expect(timeline.current.counts.anomalies == 0 && timeline.current.counts.malformed == 0)
    let airlift = try #require(
      timeline.current.airlift(timeline.tables.airlifts.lookup("AL-1") ?? .none))
    #expect(timeline.tables.facility(airlift.destination) == "suly")
    #expect(airlift.status == .approved)
    let ledger = try ChainLedger.verify([path])
    #expect(ledger.isIntact && ledger.files.first?.links == 1)
  }

  @Test(
    "divert without a reason writes none; its warnings need --force; a bad destination is refused")
  func divertRefusals() throws {
    let path = try makeLog()
    let before = try String(contentsOfFile: path, encoding: .utf8)
    let warned = try write(
      DecisionOrder(kind: .divert, subjectID: "AL-1", destinationID: "suly"), path)
    guard case .refused(let reason) = warned else {
      Issue.record("written without --force")
      return
    }
    #expect(reason.hasPrefix("warnings (write it anyway with --force): destination \"suly\""))
    for (destination, expected) in [
      ("nowhere", #"there is no facility "nowhere""#),
      ("", "no destination: a diversion needs one"),
      ("karkh", #"airlift "AL-1" is already bound for "karkh": nothing to divert"#),
      ("hol", #""hol" is the origin of airlift "AL-1": divert it elsewhere, or cancel it"#),
    ] {
      let outcome = try write(
        DecisionOrder(kind: .divert, subjectID: "AL-1", destinationID: destination), path,
        force: true)
      guard case .refused(let reason) = outcome else {
        Issue.record("diverting to \(destination) was written")
        continue
      }
      #expect(reason == expected)
    }
    let pending = try write(
      DecisionOrder(kind: .divert, subjectID: "AL-2", destinationID: "suly"), path, force: true)
    guard case .refused(let reason) = pending else {
      Issue.record("a pending airlift was diverted")
      return
    }
    #expect(reason == #"cannot divert airlift "AL-2": it is pending"#)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
    let written = try write(
      DecisionOrder(kind: .divert, subjectID: "AL-1", destinationID: "suly"), path, force: true)
    guard case .written(let receipt, _) = written else {
      Issue.record("refused: \(written)")
      return
    }
    #expect(keys(receipt.line) == ["ts", "type", "id", "airlift", "destination", "by", "chain"])
  }

  @Test("cancel writes airlift, reason and by; the airlift is cancelled and the chain verifies")
  func cancelLine() throws {
    let path = try makeLog()
    let missing = try write(DecisionOrder(kind: .cancel, subjectID: "AL-2"), path)
    guard case .refused(let reason) = missing else {
      Issue.record("a cancellation without a reason was written")
      return
    }
    #expect(reason == #"a reason is required to cancel airlift "AL-2""#)
    for airlift in ["AL-2", "AL-1"] {
      let outcome = try write(
        DecisionOrder(kind: .cancel, subjectID: airlift, reason: "runway closed"), path)
      guard case .written(let receipt, let warnings) = outcome else {
        Issue.record("refused: \(outcome)")
        continue
      }
      #expect(warnings.isEmpty)
      #expect(keys(receipt.line) == ["ts", "type", "id", "airlift", "reason", "by", "chain"])
      #expect(receipt.line.contains(#""type":"airlift.cancelled""#))
      #expect(receipt.line.contains(#""reason":"runway closed","by":"hassan""#))
    }
    let timeline = try readBack(path)
    for airlift in ["AL-1", "AL-2"] {
      let symbol = timeline.tables.airlifts.lookup(airlift) ?? .none
      #expect(timeline.current.airlift(symbol)?.status == .cancelled)
    }
    // Karkh no longer expects AL-1's 40.
    let karkh = timeline.tables.facilities.lookup("karkh") ?? .none
    #expect(timeline.current.facilities[karkh]?.inbound == 0)
    let again = try write(
      DecisionOrder(kind: .cancel, subjectID: "AL-1", reason: "again"), path)
    guard case .refused(let final) = again else {
      Issue.record("a cancelled airlift was cancelled again")
      return
    }
    #expect(final == #"airlift "AL-1" is already cancelled: no further decision"#)
    let ledger = try ChainLedger.verify([path])
    #expect(ledger.isIntact && ledger.files.first?.links == 2)
  }
}
