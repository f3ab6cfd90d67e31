import Foundation
import Testing
import WatchfloorLog
import WatchfloorModel

/// The SHA-256 of `bytes` in hex, from the system's `sha256sum`: an oracle that shares no code
/// with the chain.
func sha256Hex(_ bytes: [UInt8]) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
  let input = Pipe()
  let output = Pipe()
  process.standardInput = input
  process.standardOutput = output
  try process.run()
  input.fileHandleForWriting.write(Data(bytes))
  try input.fileHandleForWriting.close()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(String(decoding: data, as: UTF8.self).prefix(64))
}

@Suite("The decision hash chain")
struct DecisionChainTests {
  static let facility =
    #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"karkh","name":"Karkh","region":"Baghdad","side":"IQ","capacity":3000,"occupancy":100}"#
  static let origin =
    #"{"ts":"2026-01-21T06:00:01Z","type":"facility.registered","facility":"hol","name":"Al-Hol","region":"Hasakah","side":"SY","capacity":500,"occupancy":400}"#
  static func request(_ id: String) -> String {
    #"{"ts":"2026-01-21T06:05:00Z","type":"airlift.requested","airlift":"\#(id)","origin":"hol","destination":"karkh","detainees":40,"etd":"2026-01-21T09:00:00Z"}"#
  }
  static func approval(_ id: String, by officer: String = "hassan") -> String {
    Journal.decisionLine(
      type: "airlift.approved", fields: [("airlift", id)], by: officer,
      ts: Timestamp(seconds: 1_768_982_400), id: Journal.makeEventID())
  }

  /// A log with a CRLF line, a blank line and two requests, with an approval written through
  /// the journal after each request (a new journal for the second): seven lines, links at
  /// lines 5 and 7.
  func chainedLog() throws -> String {
    let path = try temporaryDirectory().appendingPathComponent("ops.jsonl").path
    try Data((Self.facility + "\r\n" + Self.origin + "\n\n" + Self.request("AL-1") + "\n").utf8)
      .write(to: URL(fileURLWithPath: path))
    try Journal(path: path).append { _ in Self.approval("AL-1") }
    try append(Self.request("AL-2") + "\n", to: path)
    try Journal(path: path).append { _ in Self.approval("AL-2", by: "layla") }
    return path
  }

  func append(_ text: String, to path: String) throws {
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data(text.utf8))
    try handle.close()
  }

  func bytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  func lines(_ path: String) throws -> [[UInt8]] {
    try bytes(path).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
  }

  func write(_ lines: [[UInt8]], _ path: String) throws {
    try Data(Array(lines.joined(separator: [0x0A]))).write(to: URL(fileURLWithPath: path))
  }

  /// A link line cut into the bytes it hashes and its value.
  func split(_ line: [UInt8]) -> (prefix: [UInt8], value: String) {
    let suffix = #","chain":""#.utf8.count + 64 + 2
    let value = String(decoding: line[(line.count - 66)..<(line.count - 2)], as: UTF8.self)
    return (Array(line[0..<(line.count - suffix)]), value)
  }

  @Test("each link is the SHA-256 of the last link, the bytes since it, and its own prefix")
  func linksWorkedByHand() throws {
    let path = try chainedLog()
    let all = try lines(path)
    #expect(all.count == 8 && all[7].isEmpty)
    let first = split(all[4])
    let beforeFirst = Array(all[0...3].map { $0 + [0x0A] }.joined())
    #expect(first.value == (try sha256Hex(beforeFirst + first.prefix)))
    let second = split(all[6])
    let between = all[5] + [0x0A]
    #expect(second.value == (try sha256Hex(Array(first.value.utf8) + between + second.prefix)))
    let ledger = try ChainLedger.verify([path])
    #expect(ledger.isIntact)
    let file = try #require(ledger.files.first)
    #expect(file.links == 2 && file.intactLinks == 2)
    #expect(file.lastLinkLine == 7 && file.lastLink == second.value)
    #expect(file.linesAfterLastLink == 0)
    #expect(ledger.marks.status(file: path, line: 5) == .intact)
    #expect(ledger.marks.status(file: path, line: 6) == .unchained)
  }

  @Test("verified on its own thread: the ledger of verifying in line, and its errors")
  func verifiedBeside() throws {
    let path = try chainedLog()
    var edited = try lines(path)
    edited[5] = Array(
      String(decoding: edited[5], as: UTF8.self)
        .replacingOccurrences(of: "\"detainees\":40", with: "\"detainees\":41").utf8)
    let brokenPath = path + ".edited"
    try write(edited, brokenPath)
    defer { try? FileManager.default.removeItem(atPath: brokenPath) }
    let files = [path, brokenPath]
    let beside = ChainVerification(files: files)
    let inLine = try ChainLedger.verify(files)
    let ledger = try beside.ledger()
    #expect(ledger.files == inLine.files)
    #expect(ledger.files.map(\.firstBrokenLine) == [nil, 7])
    for line in 1...7 {
      for file in files {
        #expect(
          ledger.marks.status(file: file, line: line) == inLine.marks.status(file: file, line: line)
        )
      }
    }
    // Asked again, the same ledger at once.
    #expect(try beside.ledger().files == inLine.files)
    let missing = ChainVerification(files: [path + ".missing"])
    #expect(throws: LogSourceError.self) { try missing.ledger() }
  }

  @Test("beside the reading only for regular files: a FIFO is read once, by the reading")
  func besideOnlyRegularFiles() throws {
    let path = try chainedLog()
    #expect(ChainVerification.besideReading([path]) != nil)
    let fifo = path + ".fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    defer { try? FileManager.default.removeItem(atPath: fifo) }
    // Nothing opens the FIFO: were it verified beside, the thread would block in open.
    #expect(ChainVerification.besideReading([path, fifo]) == nil)
    #expect(ChainVerification.besideReading([path, path + ".missing"]) == nil)
  }

  @Test("an edited, an inserted and a removed line break the first link after them")
  func tampering() throws {
    let path = try chainedLog()
    let original = try lines(path)
    // Edited: AL-2's request (line 6) asks for 41 detainees.
    var edited = original
    edited[5] = Array(
      String(decoding: edited[5], as: UTF8.self)
        .replacingOccurrences(of: "\"detainees\":40", with: "\"detainees\":41").utf8)
    try write(edited, path)
    var ledger = try ChainLedger.verify([path])
    #expect(ledger.files.first?.firstBrokenLine == 7)
    #expect(ledger.marks.status(file: path, line: 5) == .intact)
    #expect(ledger.marks.status(file: path, line: 7) == .broken)
    // Edited: the first approval's officer.
    var forged = original
    forged[4] = Array(
      String(decoding: forged[4], as: UTF8.self)
        .replacingOccurrences(of: "\"by\":\"hassan\"", with: "\"by\":\"layla\"").utf8)
    try write(forged, path)
    ledger = try ChainLedger.verify([path])
    #expect(ledger.files.first?.firstBrokenLine == 5)
    // Inserted: a blank line before the first approval.
    var inserted = original
    inserted.insert([], at: 2)
    try write(inserted, path)
    #expect(try ChainLedger.verify([path]).files.first?.firstBrokenLine == 6)
    // Removed: the first line.
    try write(Array(original.dropFirst()), path)
    #expect(try ChainLedger.verify([path]).files.first?.firstBrokenLine == 4)
    // Cut after the first approval: what is left still verifies (nothing can prove a cut
    // end), and verify's last link is the value to compare with a copy kept elsewhere.
    try write(Array(original[0...4]) + [[]], path)
    let cut = try #require(try ChainLedger.verify([path]).files.first)
    #expect(cut.isIntact && cut.links == 1 && cut.lastLink == split(original[4]).value)
  }

  @Test("a torn line and a byte order mark are covered by the next link")
  func tornLineAndByteOrderMark() throws {
    let path = try temporaryDirectory().appendingPathComponent("ops.jsonl").path
    let torn = #"{"ts":"2026-01-21T06:06:00Z","type":"airl"#
    try Data(
      ("\u{FEFF}" + Self.facility + "\n" + Self.origin + "\n" + Self.request("AL-1") + "\n" + torn)
        .utf8
    ).write(to: URL(fileURLWithPath: path))
    let receipt = try #require(try Journal(path: path).append { _ in Self.approval("AL-1") })
    #expect(receipt.isolatedTornLine && receipt.lineNumber == 5)
    let text = try bytes(path)
    let line = try #require(try lines(path).dropLast().last)
    let link = split(line)
    let before = Array(text[0..<(text.count - line.count - 1)])
    #expect(before.prefix(3) == [0xEF, 0xBB, 0xBF])
    #expect(link.value == (try sha256Hex(before + link.prefix)))
    #expect(try ChainLedger.verify([path]).isIntact)
    // Journals reading the file anew, and after other writers, keep the chain intact.
    for round in 0..<3 {
      try append(Self.request("AL-\(round + 2)") + "\n", to: path)
      let journal = Journal(path: path)
      try journal.append { _ in Self.approval("AL-\(round + 2)") }
      try journal.append { _ in Self.approval("AL-\(round + 2)", by: "layla") }
    }
    let ledger = try ChainLedger.verify([path])
    #expect(ledger.isIntact && ledger.files.first?.links == 7)
  }

  @Test("only the exact link form counts as a link")
  func linkForm() {
    let value = String(repeating: "ab", count: 32)
    func link(_ text: String) -> DecisionChain.Link? {
      Array(text.utf8).withUnsafeBytes { DecisionChain.link(in: $0) }
    }
    #expect(link(#"{"a":1,"chain":""# + value + #""}"#)?.value == value)
    #expect(link(#"{"a":1,"chain":""# + value + "\"}\r")?.prefixLength == 6)
    #expect(link(#"{"a":1,"chain":""# + value.uppercased() + #""}"#) == nil)
    #expect(link(#"{"a":1,"chain":""# + value.dropLast() + #""}"#) == nil)
    #expect(link(#"{"a":1, "chain":""# + value + #""}"#) == nil)
    #expect(link(#"{"a":1,"chain":""# + value + #"" }"#) == nil)
    #expect(link("") == nil)
  }

  @Test(
    "one chain over files joined as one log: each file's first link may match its own chain"
  )
  func filesJoinedInOneLog() throws {
    let first = try chainedLog()
    let second = try chainedLog()
    let joined = try lines(first).dropLast() + lines(second).dropLast()
    // Read as one file, the second file's first link breaks: it hashed only its own file.
    var asOneFile = ChainLedger.Builder(path: "joined")
    var asImports = ChainLedger.Builder(path: "joined")
    let secondStart = try lines(first).count - 1 + 1
    for (index, line) in joined.enumerated() {
      line.withUnsafeBytes {
        asOneFile.feed(line: $0, number: index + 1)
        asImports.feed(
          line: $0, number: index + 1, startsFile: index == 0 || index + 1 == secondStart)
      }
    }
    let oneFile = asOneFile.finish().files[0]
    #expect(oneFile.links == 4 && oneFile.intactLinks == 3)
    #expect(oneFile.firstBrokenLine == secondStart + 4)
    // Knowing where each file started, every link is intact.
    let imports = asImports.finish().files[0]
    #expect(imports.links == 4 && imports.intactLinks == 4 && imports.isIntact)
    // A link that matches neither chain is still broken.
    var edited = Array(joined)
    edited[secondStart + 2][2] ^= 0x01  // the second file's first request
    var tampered = ChainLedger.Builder(path: "joined")
    for (index, line) in edited.enumerated() {
      line.withUnsafeBytes {
        tampered.feed(line: $0, number: index + 1, startsFile: index + 1 == secondStart)
      }
    }
    #expect(tampered.finish().files[0].firstBrokenLine == secondStart + 4)
  }
}
