import Foundation
import Testing
import WatchfloorLog
import WatchfloorModel

/// A fresh temporary directory for one test.
func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("watchfloor-reader-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

@Suite("Reading finished logs")
struct LogReaderTests {
  let register =
    #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"karkh","name":"Karkh","region":"Baghdad","side":"IQ","capacity":3000,"occupancy":6000}"#
  let lockdown =
    #"{"ts":"2026-01-21T07:00:00Z","type":"facility.updated","facility":"karkh","status":"lockdown"}"#

  func read(_ paths: [String]) throws -> (Timeline, [(LineVerdict, Int, Int)]) {
    let timeline = Timeline()
    var seen: [(LineVerdict, Int, Int)] = []
    try LogReader.read(try LogSources.files(for: paths), into: timeline) {
      seen.append(($0, $1, $2))
    }
    return (timeline, seen)
  }

  @Test("CRLF lines, blank lines, a BOM and a last line without newline")
  func lineEndings() throws {
    let directory = try temporaryDirectory()
    let file = directory.appendingPathComponent("a.jsonl")
    let text = "\u{FEFF}" + register + "\r\n\r\n  \t\n" + lockdown
    try Data(text.utf8).write(to: file)
    let (timeline, seen) = try read([file.path])
    #expect(timeline.current.counts.events == 2)
    #expect(timeline.current.counts.applied == 2)
    #expect(seen.map(\.2) == [1, 4])
    let karkh = try #require(timeline.tables.facilities.lookup("karkh"))
    #expect(timeline.current.facilities[karkh]?.status == .lockdown)
  }

  @Test("a directory is read as one log, its *.jsonl files in name order")
  func directoryInNameOrder() throws {
    let directory = try temporaryDirectory()
    try Data((lockdown + "\n").utf8).write(to: directory.appendingPathComponent("2026-01-22.jsonl"))
    try Data((register + "\n").utf8).write(to: directory.appendingPathComponent("2026-01-21.jsonl"))
    try Data("not a log".utf8).write(to: directory.appendingPathComponent("notes.txt"))
    let (timeline, seen) = try read([directory.path])
    #expect(
      timeline.sourceNames.map { URL(fileURLWithPath: $0).lastPathComponent }
        == ["2026-01-21.jsonl", "2026-01-22.jsonl"])
    #expect(timeline.current.counts.applied == 2)
    #expect(seen.map(\.1) == [0, 1])
  }

  @Test("empty files, invalid UTF-8 and a line of several megabytes")
  func awkwardContent() throws {
    let directory = try temporaryDirectory()
    let empty = directory.appendingPathComponent("empty.jsonl")
    try Data().write(to: empty)
    let (emptyTimeline, _) = try read([empty.path])
    #expect(emptyTimeline.count == 0)

    let mixed = directory.appendingPathComponent("mixed.jsonl")
    var bytes = Data((register + "\n").utf8)
    bytes.append(contentsOf: [0x7B, 0x22, 0xFF, 0x22, 0x7D, 0x0A])
    let note = String(repeating: "x", count: 3_000_000)
    bytes.append(
      Data(
        (#"{"ts":"2026-01-21T08:00:00Z","type":"facility.updated","facility":"karkh","status":"open","note":"\#(note)"}"#
          + "\n").utf8))
    try bytes.write(to: mixed)
    let (timeline, seen) = try read([mixed.path])
    #expect(timeline.current.counts.malformed == 1)
    #expect(timeline.current.counts.applied == 2)
    guard case .malformed(let reason) = seen[1].0 else {
      Issue.record("line 2 should be malformed")
      return
    }
    #expect(reason.contains("UTF-8"))
  }

  @Test("sources that cannot be read name the path and the cause")
  func unreadableSources() throws {
    let directory = try temporaryDirectory()
    #expect(throws: LogSourceError.self) {
      try LogSources.files(for: directory.path + "/missing.jsonl")
    }
    do {
      _ = try LogSources.files(for: directory.path)
      Issue.record("an empty directory should be refused")
    } catch {
      #expect(error.description.contains(directory.path))
      #expect(error.description.contains("no *.jsonl"))
    }
    do {
      _ = try LogSources.files(for: directory.path + "/missing.jsonl")
    } catch {
      #expect(
        error.description
          == "cannot read '\(directory.path)/missing.jsonl': No such file or directory")
    }
  }

  @Test("a directory entry that is a dangling link or not a regular file is an error naming it")
  func badDirectoryEntries() throws {
    let dangling = try temporaryDirectory()
    try Data((register + "\n").utf8).write(to: dangling.appendingPathComponent("2026-01-21.jsonl"))
    try FileManager.default.createSymbolicLink(
      atPath: dangling.appendingPathComponent("2026-01-22.jsonl").path,
      withDestinationPath: dangling.appendingPathComponent("gone.jsonl").path)
    #expect {
      try LogSources.files(for: dangling.path)
    } throws: { error in
      "\(error)"
        == "cannot read '\(dangling.path)/2026-01-22.jsonl': a link to a file that does not exist"
    }
    let folder = try temporaryDirectory()
    try Data((register + "\n").utf8).write(to: folder.appendingPathComponent("2026-01-21.jsonl"))
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("2026-01-22.jsonl"), withIntermediateDirectories: true)
    #expect {
      try LogSources.files(for: folder.path)
    } throws: { error in
      "\(error)" == "cannot read '\(folder.path)/2026-01-22.jsonl': not a regular file"
    }
    // A link to a readable file is read; hidden files and other names are passed over.
    let linked = try temporaryDirectory()
    try FileManager.default.createSymbolicLink(
      atPath: linked.appendingPathComponent("2026-01-21.jsonl").path,
      withDestinationPath: dangling.appendingPathComponent("2026-01-21.jsonl").path)
    try Data("x".utf8).write(to: linked.appendingPathComponent(".2026-01-22.jsonl"))
    try Data("x".utf8).write(to: linked.appendingPathComponent("notes.txt"))
    #expect(try LogSources.files(for: linked.path) == [linked.path + "/2026-01-21.jsonl"])
  }
}
