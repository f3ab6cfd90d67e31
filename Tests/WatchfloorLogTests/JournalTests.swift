import Foundation
import Testing
import WatchfloorLog
import WatchfloorModel

/// Results gathered from several threads.
private final class Collected<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Value] = []

  func add(_ value: Value) {
    lock.lock()
    values.append(value)
    lock.unlock()
  }

  var all: [Value] {
    lock.lock()
    defer { lock.unlock() }
    return values
  }
}

@Suite("Appending decisions to the journal")
struct JournalTests {
  static let setup = [
    #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"karkh","name":"Karkh","region":"Baghdad","side":"IQ","capacity":3000,"occupancy":100}"#,
    #"{"ts":"2026-01-21T06:00:01Z","type":"facility.registered","facility":"hol","name":"Al-Hol","region":"Hasakah","side":"SY","capacity":500,"occupancy":400}"#,
    #"{"ts":"2026-01-21T06:05:00Z","type":"airlift.requested","id":"req-1","airlift":"AL-1","origin":"hol","destination":"karkh","detainees":40,"etd":"2026-01-21T09:00:00Z","by":"ops"}"#,
  ]
  static let setupText = setup.joined(separator: "\n") + "\n"

  /// A fresh log holding `text`.
  func makeLog(_ text: String = setupText) throws -> String {
    let file = try temporaryDirectory().appendingPathComponent("ops.jsonl")
    try Data(text.utf8).write(to: file)
    return file.path
  }

  func contents(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
  }

  /// The log read as a finished file.
  func readBack(_ path: String) throws -> Timeline {
    let timeline = Timeline()
    try LogReader.read([path], into: timeline)
    return timeline
  }

  static func status(_ timeline: Timeline, _ airlift: String) -> AirliftStatus? {
    guard let symbol = timeline.tables.airlifts.lookup(airlift) else { return nil }
    return timeline.current.airlift(symbol)?.status
  }

  static func approval(by officer: String) -> String {
    Journal.decisionLine(
      type: "airlift.approved", fields: [("airlift", "AL-1")], by: officer,
      ts: Timestamp(seconds: 1_768_982_400), id: Journal.makeEventID())
  }

  /// Approves AL-1 only if it is still pending (the re-check rule of the race test).
  static func approveIfPending(_ journal: Journal, by officer: String) throws -> JournalReceipt? {
    try journal.append { timeline in
      status(timeline, "AL-1") == .pending ? approval(by: officer) : nil
    }
  }

  @Test("a single append lands whole, synced, at the end of the file")
  func singleAppend() throws {
    let path = try makeLog()
    let journal = Journal(path: path)
    var seenPending = false
    let receipt = try #require(
      try journal.append { timeline in
        seenPending = Self.status(timeline, "AL-1") == .pending
        #expect(timeline.current.counts.events == 3)
        return Self.approval(by: "hassan")
      })
    #expect(seenPending)
    #expect(receipt.offset == Self.setupText.utf8.count)
    #expect(receipt.lineNumber == 4)
    #expect(!receipt.isolatedTornLine)
    #expect(try contents(path) == Self.setupText + receipt.line + "\n")
    let timeline = try readBack(path)
    #expect(timeline.current.counts.applied == 4)
    #expect(Self.status(timeline, "AL-1") == .approved)

    // The next append reads the tail, its own line included, and nothing twice.
    try journal.append { timeline in
      #expect(timeline.current.counts.events == 4)
      #expect(Self.status(timeline, "AL-1") == .approved)
      return nil
    }
  }

  @Test("a closure that refuses or throws writes nothing")
  func refusal() throws {
    struct Stale: Error {}
    let path = try makeLog()
    let journal = Journal(path: path)
    #expect(try journal.append { _ in nil } == nil)
    #expect(throws: Stale.self) { try journal.append { _ in throw Stale() } }
    #expect(throws: JournalError.self) { try journal.append { _ in "{\"a\":1}\n{\"b\":2}" } }
    #expect(try contents(path) == Self.setupText)
  }

  @Test("a torn last line is closed first: both lines are visible, the torn one malformed")
  func tornLastLine() throws {
    let torn = #"{"ts":"2026-01-21T07:00:00Z","type":"airlift.den"#
    let path = try makeLog(Self.setupText + torn)
    let journal = Journal(path: path)
    let receipt = try #require(
      try journal.append { timeline in
        #expect(timeline.current.counts.malformed == 1)
        return Self.approval(by: "hassan")
      })
    #expect(receipt.isolatedTornLine)
    #expect(receipt.lineNumber == 5)
    #expect(receipt.offset == Self.setupText.utf8.count + torn.utf8.count + 1)
    #expect(try contents(path) == Self.setupText + torn + "\n" + receipt.line + "\n")
    var verdicts: [Int: LineVerdict] = [:]
    let timeline = Timeline()
    try LogReader.read([path], into: timeline) { verdict, _, line in verdicts[line] = verdict }
    guard case .malformed = verdicts[4] else {
      Issue.record("line 4 should be malformed, is \(String(describing: verdicts[4]))")
      return
    }
    guard case .applied = verdicts[5] else {
      Issue.record("line 5 should be applied, is \(String(describing: verdicts[5]))")
      return
    }
    #expect(Self.status(timeline, "AL-1") == .approved)
  }

  @Test("a refusal after a torn line leaves the file alone and forgets the torn line")
  func refusalAfterTornLine() throws {
    let torn = #"{"ts":"2026-01-21T07:00:00Z","type":"airl"#
    let path = try makeLog(Self.setupText + torn)
    let journal = Journal(path: path)
    #expect(try journal.append { _ in nil } == nil)
    #expect(try contents(path) == Self.setupText + torn)
    // Another writer finishes the line after all: it is read as the line it became.
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"ift.denied","airlift":"AL-1","by":"x","reason":"r"}"#.utf8))
    try handle.write(contentsOf: Data("\n".utf8))
    try handle.close()
    try journal.append { timeline in
      #expect(timeline.current.counts.malformed == 0)
      #expect(Self.status(timeline, "AL-1") == .denied)
      return nil
    }
  }

  @Test("16 journals racing to approve one pending airlift: exactly one line is written")
  func racingApprovals() throws {
    let path = try makeLog()
    let receipts = Collected<JournalReceipt?>()
    let failures = Collected<String>()
    let group = DispatchGroup()
    let start = DispatchSemaphore(value: 0)
    for index in 0..<16 {
      group.enter()
      let thread = Thread {
        defer { group.leave() }
        start.wait()
        let journal = Journal(path: path)
        do {
          receipts.add(try Self.approveIfPending(journal, by: "officer-\(index)"))
        } catch {
          failures.add("\(error)")
        }
      }
      thread.start()
    }
    for _ in 0..<16 { start.signal() }
    group.wait()
    #expect(failures.all.isEmpty)
    #expect(receipts.all.count == 16)
    #expect(receipts.all.compactMap { $0 }.count == 1)
    let text = try contents(path)
    #expect(text.hasPrefix(Self.setupText))
    #expect(text.split(separator: "\n").count == 4)
    #expect(text.hasSuffix("\n"))
    let timeline = try readBack(path)
    #expect(timeline.current.counts.events == 4)
    #expect(timeline.current.counts.applied == 4)
    #expect(Self.status(timeline, "AL-1") == .approved)
  }

  @Test("a writer killed mid-line: the next decision lands on its own line, intact")
  func crashedWriter() throws {
    let path = try makeLog()
    let journal = Journal(path: path)
    // The journal has read the log before the crash, so it catches up from where it was.
    #expect(try journal.append { _ in nil } == nil)
    let partial = #"{"ts":"2026-01-21T07:00:00Z","type":"airlift.approved","airlift":"AL"#
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/sh")
    shell.arguments = ["-c", #"printf '%s' "$1" >> "$2""#, "sh", partial, path]
    try shell.run()
    shell.waitUntilExit()
    #expect(shell.terminationStatus == 0)
    #expect(try contents(path) == Self.setupText + partial)

    let receipt = try #require(try Self.approveIfPending(journal, by: "hassan"))
    #expect(receipt.isolatedTornLine)
    #expect(receipt.lineNumber == 5)
    let lines = try contents(path).split(separator: "\n", omittingEmptySubsequences: false)
    try #require(lines.count == 6)
    #expect(lines[3] == partial)
    #expect(lines[4] == receipt.line)
    #expect(lines[5].isEmpty)
    let timeline = try readBack(path)
    #expect(timeline.current.counts.malformed == 1)
    #expect(timeline.current.counts.applied == 4)
    #expect(Self.status(timeline, "AL-1") == .approved)
  }

  @Test("lines appended by others are read incrementally; a truncation rereads the file")
  func tailAndTruncation() throws {
    let path = try makeLog()
    let journal = Journal(path: path)
    try #require(try Self.approveIfPending(journal, by: "hassan") != nil)
    let departed = #"{"ts":"2026-01-21T09:00:00Z","type":"airlift.departed","airlift":"AL-1"}"#
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data((departed + "\n").utf8))
    try handle.close()
    try journal.append { timeline in
      #expect(timeline.current.counts.events == 5)
      #expect(Self.status(timeline, "AL-1") == .inFlight)
      return nil
    }
    // Rewritten shorter (truncated and refilled): the journal starts over.
    try Data((Self.setup[0] + "\n").utf8).write(to: URL(fileURLWithPath: path))
    let receipt = try journal.append { timeline in
      #expect(timeline.current.counts.events == 1)
      #expect(Self.status(timeline, "AL-1") == nil)
      return Self.setup[1]
    }
    #expect(receipt?.lineNumber == 2)
    #expect(try readBack(path).current.counts.applied == 2)
  }

  @Test("a missing directory is an open error naming the path and the cause")
  func openError() throws {
    let path = try temporaryDirectory().appendingPathComponent("missing/ops.jsonl").path
    let journal = Journal(path: path)
    do {
      try journal.append { _ in Self.approval(by: "hassan") }
      Issue.record("append should have failed")
    } catch let error as JournalError {
      #expect(error.operation == .open)
      #expect(error.code == ENOENT)
      #expect(error.description == "cannot open \(path): No such file or directory")
    }
  }

  @Test("a missing log is never created: the decision fails naming the path")
  func missingFileIsNotCreated() throws {
    let path = try temporaryDirectory().appendingPathComponent("nope.jsonl").path
    #expect {
      try Journal(path: path).append { _ in Self.approval(by: "hassan") }
    } throws: { error in
      "\(error)" == "cannot open \(path): No such file or directory"
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test("the decision line escapes its strings and ends in its link of the chain")
  func escapingAndChain() throws {
    let path = try makeLog("")
    let line = Journal.decisionLine(
      type: "airlift.denied", fields: [("airlift", "AL-1"), ("reason", "say \"no\"\n\tnow")],
      by: "ha\\ssan", ts: Timestamp(seconds: 1_768_982_400, nanoseconds: 250_000_000),
      id: "dec-1")
    #expect(
      line
        == #"{"ts":"2026-01-21T08:00:00.25Z","type":"airlift.denied","id":"dec-1","airlift":"AL-1","reason":"say \"no\"\n\tnow","by":"ha\\ssan"}"#
    )
    let receipt = try #require(try Journal(path: path).append { _ in line })
    #expect(receipt.offset == 0)
    #expect(receipt.lineNumber == 1)
    // The first link hashes the line up to its chain member (an empty log before it).
    let prefix = String(line.dropLast())
    let expected = try sha256Hex(Array(prefix.utf8))
    #expect(receipt.line == prefix + #","chain":""# + expected + #""}"#)
    #expect(try contents(path) == receipt.line + "\n")
  }

  @Test("event ids are unique")
  func uniqueIDs() {
    let ids = (0..<1000).map { _ in Journal.makeEventID() }
    #expect(Set(ids).count == 1000)
    #expect(ids.allSatisfy { $0.hasPrefix("dec-") && !$0.contains(" ") })
  }
}
