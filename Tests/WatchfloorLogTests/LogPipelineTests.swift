import Foundation
import Testing
import WatchfloorLog
import WatchfloorModel

/// The pipelined reader (lines scanned on a second thread, folded on this one) against the
/// plain one (each line decoded and folded in turn): the same records, verdicts and state,
/// whatever the block size cuts through.
@Suite("Reading a log on two threads")
struct LogPipelineTests {
  static let register =
    #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"karkh","name":"Karkh","region":"Baghdad","side":"IQ","capacity":3000,"occupancy":2900}"#
  static let request =
    #"{"ts":"2026-01-21T06:05:00Z","type":"airlift.requested","id":"ev-1","airlift":"AL-1","origin":"karkh","destination":"karkh","detainees":40,"etd":"2026-01-21T09:00:00Z"}"#

  /// Every awkward thing a line can be, on both sides of any block boundary.
  static var awkwardLog: Data {
    var text = "\u{FEFF}" + register + "\r\n\r\n  \t\n"
    text += request + "\n" + request + "\n"  // a duplicate id
    // The same id escaped, and a UUID id twice: duplicates too, however written.
    text +=
      #"{"ts":"2026-01-21T06:05:30Z","type":"airlift.approved","id":"ev\u002d1","airlift":"AL-1","by":"amal"}"#
      + "\n"
    let uuid =
      #"{"ts":"2026-01-21T06:05:40Z","type":"incident.acknowledged","id":"0f8fad5b-d9cb-469f-a165-70867728950e","incident":"IN-0","by":"amal"}"#
    text += uuid + "\n" + uuid + "\n"
    text +=
      #"{"ts":"2026-01-21T06:06:00Z","type":"airlift.approved","airlift":"AL-1","by":"hassan"}"#
      + "\n"
    // Strings the reader hashes ahead and the same strings escaped, which the decoder hashes
    // itself: one symbol each, whichever way it came.
    text +=
      #"{"ts":"2026-01-21T06:06:30Z","type":"airlift.held","airlift":"AL\u002d1","by":"am\u0061l","reason":"weather"}"#
      + "\n"
    text +=
      #"{"t\u0073":"2026-01-21T06:07:00Z","type":"facility.updated","facility":"karkh","status":"lockdown"}"#
      + "\n"
    text += #"{"ts":"2026-01-21T06:08:00Z","type":"weather.changed"}"# + "\n"
    text += #"{"ts":"2026-01-21T06:09:00Z","type":"airlift.departed"}"# + "\n"
    text += "[1,2,3]\n{\"ts\":\n"
    text +=
      #"{"ts":"2026-01-21T06:10:00Z","type":"incident.reported","incident":"IN-1","sector":"Rabia","severity":"high","kind":"border","summary":"\#(String(repeating: "é", count: 400))"}"#
      + "\n"
    // Times the reader parses and ones it leaves to the decoder: a fraction finer than
    // nanoseconds (its text is kept), a lower-case form with an offset, an escaped one, two
    // `ts` members (the last counts, valid or not), a leap second.
    for ts in [
      #""ts":"2026-01-21T06:12:00.123456789012Z""#, #""ts":"2026-01-21t06:13:00.5+03:00""#,
      #""ts":"2026-01-21T06:14:00\u005A""#, #""ts":"bad","ts":"2026-01-21T06:15:00Z""#,
      #""ts":"2026-01-21T06:16:00Z","ts":"2026-02-30T06:16:00Z""#,
      #""ts":"2026-12-31T23:59:60Z""#,
    ] {
      text += #"{\#(ts),"type":"facility.updated","facility":"karkh","status":"open"}"# + "\n"
    }
    var bytes = Data(text.utf8)
    bytes.append(contentsOf: [0x7B, 0x22, 0xFF, 0x22, 0x7D, 0x0A])
    bytes.append(
      Data(
        #"{"ts":"2026-01-21T06:11:00Z","type":"incident.acknowledged","incident":"IN-1","by":"amal"}"#
          .utf8))
    return bytes
  }

  /// The repository's samples, found from this file's place in it.
  static let samplesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("samples").path

  /// What one read produced: each non-blank line's verdict where it was, the records, counts.
  struct Outcome: Equatable {
    var verdicts: [String]
    var records: [String]
    var counts: LineCounts
    var sources: [String]
    /// Every string of each symbol table, in symbol order.
    var tables: [[String]]
  }

  func outcome(_ timeline: Timeline, _ verdicts: [String]) -> Outcome {
    let tables = timeline.tables
    return Outcome(
      verdicts: verdicts, records: (0..<timeline.count).map { "\(timeline[$0])" },
      counts: timeline.current.counts, sources: timeline.sourceNames,
      tables: [tables.facilities, tables.airlifts, tables.incidents, tables.texts].map { table in
        (0..<table.count).map { table[Symbol(UInt32($0))] }
      })
  }

  /// The plain reader: each line decoded and folded in turn.
  func plainRead(_ paths: [String]) throws -> Outcome {
    let timeline = Timeline()
    var verdicts: [String] = []
    for path in paths {
      let source = timeline.addSource(path)
      try LogReader.readFile(path) { line, number in
        let verdict = timeline.ingest(line, lineNumber: number, source: source)
        if case .blank = verdict { return }
        verdicts.append("\(source):\(number) \(verdict)")
      }
    }
    return outcome(timeline, verdicts)
  }

  func pipelinedRead(_ paths: [String], blockBytes: Int) throws -> Outcome {
    let timeline = Timeline()
    var verdicts: [String] = []
    try LogReader.read(paths, into: timeline, blockBytes: blockBytes) { verdict, source, number in
      verdicts.append("\(source):\(number) \(verdict)")
    }
    return outcome(timeline, verdicts)
  }

  func write(_ data: Data, _ name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try data.write(to: url)
    return url.path
  }

  @Test("the same verdicts, records and counts as the plain reader, at any block size")
  func sameAsPlainReader() throws {
    let directory = try temporaryDirectory()
    let awkward = try write(Self.awkwardLog, "awkward.jsonl", in: directory)
    let expected = try plainRead([awkward])
    #expect(expected.counts.malformed == 5)
    #expect(expected.counts.duplicates == 3)
    #expect(expected.counts.unknownType == 1)
    #expect(expected.tables[1] == ["AL-1"])
    #expect(expected.tables[3].filter { $0 == "amal" }.count == 1)
    for blockBytes in [64, 97, 300, 4096, LogPipeline.blockBytes] {
      #expect(try pipelinedRead([awkward], blockBytes: blockBytes) == expected, "\(blockBytes)")
    }
  }

  @Test("several files, empty ones and the samples, read as one log")
  func severalFiles() throws {
    let directory = try temporaryDirectory()
    let samples = try LogSources.files(for: Self.samplesDirectory)
    let paths =
      [
        try write(Self.awkwardLog, "a.jsonl", in: directory),
        try write(Data(), "b.jsonl", in: directory),
        try write(Data("\n".utf8), "c.jsonl", in: directory),
        try write(Data("\u{FEFF}".utf8), "d.jsonl", in: directory),
      ] + samples
    let expected = try plainRead(paths)
    #expect(expected.counts.applied > 100)
    for blockBytes in [64, 1000, LogPipeline.blockBytes] {
      #expect(try pipelinedRead(paths, blockBytes: blockBytes) == expected, "\(blockBytes)")
    }
  }

  @Test("a log in memory reads as the same log in a file")
  func memoryAsFile() throws {
    let directory = try temporaryDirectory()
    let path = try write(Self.awkwardLog, "m.jsonl", in: directory)
    let fromFile = try pipelinedRead([path], blockBytes: LogPipeline.blockBytes)
    // The byte order mark is the file reader's to skip; memory holds the lines alone.
    let lines = Self.awkwardLog.dropFirst(3)
    let timeline = Timeline()
    let source = timeline.addSource(path)
    var verdicts: [String] = []
    lines.withUnsafeBytes { bytes in
      LogReader.read(bytes: bytes, source: source, into: timeline) { verdict, source, number in
        verdicts.append("\(source):\(number) \(verdict)")
      }
    }
    #expect(outcome(timeline, verdicts) == fromFile)
  }

  @Test("a pipe, which has no offsets, reads as the same log as a file")
  func pipe() throws {
    let directory = try temporaryDirectory()
    let path = try write(Self.awkwardLog, "p.jsonl", in: directory)
    let expected = try pipelinedRead([path], blockBytes: 64)
    let fifo = directory.appendingPathComponent("p.fifo").path
    try #require(mkfifo(fifo, 0o600) == 0)
    // A writer on another thread, in pieces that cut lines, as `zcat` would write them.
    let bytes = Self.awkwardLog
    let writer = Thread {
      let descriptor = open(fifo, O_WRONLY)
      guard descriptor >= 0 else { return }
      defer { close(descriptor) }
      var offset = 0
      while offset < bytes.count {
        let piece = bytes[offset..<min(bytes.count, offset + 37)]
        _ = piece.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        offset += 37
        usleep(100)
      }
    }
    writer.start()
    var read = try pipelinedRead([fifo], blockBytes: 64)
    read.sources = [path]
    #expect(read == expected)
  }

  @Test("a file that goes missing stops the read with its name, after the files before it")
  func missingFile() throws {
    let directory = try temporaryDirectory()
    let first = try write(Data((Self.register + "\n").utf8), "a.jsonl", in: directory)
    let missing = directory.appendingPathComponent("gone.jsonl").path
    let timeline = Timeline()
    #expect {
      try LogReader.read([first, missing], into: timeline)
    } throws: { error in
      "\(error)" == "cannot read '\(missing)': No such file or directory"
    }
    #expect(timeline.current.counts.applied == 1)
  }
}
