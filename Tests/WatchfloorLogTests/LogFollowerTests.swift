import Foundation
import Testing

@testable import WatchfloorLog

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("LogFollower follows a growing file")
struct LogFollowerTests {
  // MARK: - Lines

  @Test("lines appended across many writes arrive once, in order, numbered from 1")
  func appendedLinesArriveOnceInOrder() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    try append("", to: path)
    let follower = LogFollower(path: path)
    let lines = (1...200).map {
      "{\"n\":\($0),\"pad\":\"\(String(repeating: "x", count: $0 % 7))\"}"
    }
    let text = lines.map { $0 + "\n" }.joined()
    var seen: [Seen] = []
    // Cut the text into pieces of varying size, some inside lines, some spanning several.
    var rest = Substring(text)
    var size = 1
    while !rest.isEmpty {
      let piece = rest.prefix(size)
      rest = rest.dropFirst(piece.count)
      try append(String(piece), to: path)
      seen += try read(follower)
      size = size % 97 + 13
    }
    seen += try read(follower)
    #expect(seen == lines.enumerated().map { .line($1, $0 + 1) })
    #expect(try read(follower).isEmpty)
    #expect(follower.status == .following)
  }

  @Test("a partial last line is held until its newline arrives, then delivered whole")
  func partialLineIsHeld() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    try append("{\"a\":1}\n{\"b\"", to: path)
    let follower = LogFollower(path: path)
    #expect(try read(follower) == [.line("{\"a\":1}", 1)])
    try append(":2}", to: path)
    #expect(try read(follower).isEmpty)
    try append("\n", to: path)
    #expect(try read(follower) == [.line("{\"b\":2}", 2)])
  }

  @Test("CRLF lines arrive with their carriage return, blank lines are counted")
  func crlfLinesKeepTheirCarriageReturn() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    try append("{\"a\":1}\r\n\r\n{\"b\":2}\r\n", to: path)
    let follower = LogFollower(path: path)
    #expect(
      try read(follower) == [.line("{\"a\":1}\r", 1), .line("\r", 2), .line("{\"b\":2}\r", 3)])
  }

  @Test("many lines written at once cross the 1 MiB read chunks intact")
  func linesCrossChunkBoundaries() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    let count = 100_000
    let text = (1...count).map { "{\"seq\":\($0),\"body\":\"event number \($0)\"}\n" }.joined()
    try append(text, to: path)
    #expect(text.utf8.count > 3 * LogFollower.chunkSize)
    let follower = LogFollower(path: path)
    var next = 1
    var wrong: [Int] = []
    try follower.readAvailable { event in
      guard case .line(let bytes, let number) = event else { return wrong.append(-1) }
      let expected = "{\"seq\":\(next),\"body\":\"event number \(next)\"}"
      if number != next || String(decoding: bytes, as: UTF8.self) != expected {
        wrong.append(number)
      }
      next += 1
    }
    #expect(wrong.isEmpty)
    #expect(next == count + 1)
  }

  @Test("a 5 MB single line arrives whole")
  func hugeLineArrivesWhole() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    let follower = LogFollower(path: path)
    let length = 5_000_000
    var lines: [(count: Int, allX: Bool, number: Int)] = []
    let collect: (FollowEvent) -> Void = { event in
      if case .line(let bytes, let number) = event {
        lines.append((bytes.count, bytes.allSatisfy { $0 == UInt8(ascii: "x") }, number))
      }
    }
    try append(String(repeating: "x", count: 2_500_001), to: path)
    try follower.readAvailable(collect)
    #expect(lines.isEmpty)
    try append(String(repeating: "x", count: length - 2_500_001) + "\nshort\n", to: path)
    try follower.readAvailable(collect)
    #expect(lines.count == 2)
    #expect(lines.first?.count == length)
    #expect(lines.first?.allX == true)
    #expect(lines.first?.number == 1)
    #expect(lines.last?.count == 5)
    #expect(lines.last?.number == 2)
  }

  // MARK: - Missing, appearing, vanishing

  @Test("a missing file reports waiting, then appears and is read from the start")
  func missingFileIsWaitedFor() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("later.jsonl")
    let follower = LogFollower(path: path)
    #expect(follower.status == .waiting)
    #expect(try read(follower).isEmpty)
    #expect(try read(follower).isEmpty)
    #expect(follower.status == .waiting)
    try append("one\ntwo\n", to: path)
    #expect(try read(follower) == [.appeared, .line("one", 1), .line("two", 2)])
    #expect(follower.status == .following)
  }

  @Test("a file present at the first read is not announced as appeared")
  func presentFileIsNotAnnounced() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    try append("one\n", to: path)
    let follower = LogFollower(path: path)
    #expect(try read(follower) == [.line("one", 1)])
  }

  @Test("deletion delivers the last lines, reports vanished, then waits for the file again")
  func deletionReportsVanished() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    try append("one\n", to: path)
    let follower = LogFollower(path: path)
    #expect(try read(follower) == [.line("one", 1)])
    try append("two\nthr", to: path)
    try remove(path)
    #expect(try read(follower) == [.line("two", 2), .line("thr", 3), .vanished])
    #expect(follower.status == .waiting)
    #expect(try read(follower).isEmpty)
    try append("again\n", to: path)
    #expect(try read(follower) == [.appeared, .line("again", 1)])
    #expect(follower.status == .following)
  }

  // MARK: - Truncation

  @Test("truncation to zero, then new lines: truncated, then the new lines from line 1")
  func truncationToZero() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    try append("old one\nold two\nold three\n", to: path)
    let follower = LogFollower(path: path)
    #expect(try read(follower).count == 3)
    try truncate(path)
    try append("new one\nnew two\n", to: path)
    #expect(try read(follower) == [.truncated, .line("new one", 1), .line("new two", 2)])
    #expect(try read(follower).isEmpty)
  }

  @Test("truncation seen before anything is rewritten")
  func truncationSeenWhileEmpty() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    try append("old one\nold tw", to: path)
    let follower = LogFollower(path: path)
    #expect(try read(follower) == [.line("old one", 1)])
    try truncate(path)
    #expect(try read(follower) == [.truncated])
    #expect(try read(follower).isEmpty)
    try append("new one\n", to: path)
    #expect(try read(follower) == [.line("new one", 1)])
  }

  @Test("rewritten longer than before with a different first line: truncated, then line 1")
  func truncationAndLongerRewrite() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    try append("{\"first\":1}\n{\"second\":2}\n", to: path)
    let follower = LogFollower(path: path)
    #expect(try read(follower).count == 2)
    let rewritten = ["{\"other\":1}", "{\"other\":2}", "{\"other\":3}", "{\"other\":4}"]
    try truncate(path)
    try append(rewritten.map { $0 + "\n" }.joined(), to: path)
    #expect(try read(follower) == [.truncated] + rewritten.enumerated().map { .line($1, $0 + 1) })
  }

  @Test("rewritten to the same length with a different first line: truncated")
  func truncationAndSameLengthRewrite() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    try append("{\"n\":1}\n{\"n\":2}\n", to: path)
    let follower = LogFollower(path: path)
    #expect(try read(follower).count == 2)
    try truncate(path)
    try append("{\"m\":1}\n{\"m\":2}\n", to: path)
    #expect(try read(follower) == [.truncated, .line("{\"m\":1}", 1), .line("{\"m\":2}", 2)])
  }

  @Test("a change beyond the first 4 KiB alone is not taken for truncation")
  func growthAfterLongHeadIsNotTruncation() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    let long = String(repeating: "a", count: 5000)
    try append(long + "\n", to: path)
    let follower = LogFollower(path: path)
    #expect(try read(follower) == [.line(long, 1)])
    try append("next\n", to: path)
    #expect(try read(follower) == [.line("next", 2)])
  }

  // MARK: - Rotation

  @Test("rotation drains the old file's last lines, reports replaced, then reads the new file")
  func rotationDrainsThenSwitches() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    try append("a\nb\n", to: path)
    let follower = LogFollower(path: path)
    #expect(try read(follower) == [.line("a", 1), .line("b", 2)])
    try append("c\nunfinished", to: path)
    try rename(path, to: dir.file("ops.jsonl.1"))
    try append("n1\nn2\n", to: path)
    #expect(
      try read(follower) == [
        .line("c", 3), .line("unfinished", 4), .replaced, .line("n1", 1), .line("n2", 2),
      ])
    try append("n3\n", to: path)
    try append("late\n", to: dir.file("ops.jsonl.1"))
    #expect(try read(follower) == [.line("n3", 3)])
  }

  @Test("rotation where the new file does not exist yet: vanished, then appeared")
  func rotationWithGap() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    try append("a\n", to: path)
    let follower = LogFollower(path: path)
    #expect(try read(follower) == [.line("a", 1)])
    try rename(path, to: dir.file("ops.jsonl.1"))
    #expect(try read(follower) == [.vanished])
    try append("n1\n", to: path)
    #expect(try read(follower) == [.appeared, .line("n1", 1)])
  }

  // MARK: - Wake-ups

  #if canImport(Glibc)
    @Test("the inotify descriptor becomes readable after an append, and quiet once drained")
    func inotifyWakesOnAppend() throws {
      let dir = try TemporaryDirectory()
      let path = dir.file("ops.jsonl")
      try append("a\n", to: path)
      let follower = LogFollower(path: path)
      let wake = try #require(follower.wakeDescriptor)
      #expect(follower.suggestedPollInterval == .seconds(1))
      #expect(try read(follower) == [.line("a", 1)])
      #expect(try readAfterWake(follower).isEmpty)
      #expect(!isReadable(wake, timeoutMilliseconds: 0))
      try append("b\n", to: path)
      #expect(isReadable(wake, timeoutMilliseconds: 2000))
      #expect(try readAfterWake(follower) == [.line("b", 2)])
      #expect(!isReadable(wake, timeoutMilliseconds: 0))
    }

    @Test("the inotify descriptor wakes for a file that appears, rotation and deletion")
    func inotifyWakesOnPathChanges() throws {
      let dir = try TemporaryDirectory()
      let path = dir.file("ops.jsonl")
      let follower = LogFollower(path: path)
      let wake = try #require(follower.wakeDescriptor)
      #expect(try read(follower).isEmpty)
      #expect(!isReadable(wake, timeoutMilliseconds: 0))

      try append("a\n", to: path)
      #expect(try wakeAndRead(follower) == [.appeared, .line("a", 1)])

      try rename(path, to: dir.file("ops.jsonl.1"))
      #expect(try wakeAndRead(follower) == [.vanished])

      try append("n1\n", to: path)
      #expect(try wakeAndRead(follower) == [.appeared, .line("n1", 1)])

      try append("x\n", to: dir.file("next"))
      try rename(dir.file("next"), to: path)
      #expect(try wakeAndRead(follower) == [.replaced, .line("x", 1)])

      try remove(path)
      #expect(try wakeAndRead(follower) == [.vanished])
      #expect(follower.wakeDescriptor == wake)
    }

    @Test("when the watched directory is moved away, the follower drops to polling")
    func lostDirectoryFallsBackToPolling() throws {
      let dir = try TemporaryDirectory()
      let sub = dir.file("logs")
      #expect(mkdir(sub, 0o755) == 0)
      let path = sub + "/ops.jsonl"
      try append("a\n", to: path)
      let follower = LogFollower(path: path)
      let wake = try #require(follower.wakeDescriptor)
      #expect(try readAfterWake(follower) == [.line("a", 1)])
      try rename(sub, to: dir.file("logs.old"))
      #expect(isReadable(wake, timeoutMilliseconds: 2000))
      #expect(try readAfterWake(follower) == [.vanished])
      #expect(follower.wakeDescriptor == nil)
      #expect(follower.suggestedPollInterval == .milliseconds(100))
      #expect(mkdir(sub, 0o755) == 0)
      try append("b\n", to: path)
      #expect(try read(follower) == [.appeared, .line("b", 1)])
    }

    @Test("a truncation wakes the inotify descriptor")
    func inotifyWakesOnTruncation() throws {
      let dir = try TemporaryDirectory()
      let path = dir.file("ops.jsonl")
      try append("a\nb\n", to: path)
      let follower = LogFollower(path: path)
      let wake = try #require(follower.wakeDescriptor)
      #expect(try readAfterWake(follower).count == 2)
      try truncate(path)
      #expect(isReadable(wake, timeoutMilliseconds: 2000))
      #expect(try readAfterWake(follower) == [.truncated])
    }
  #endif

  @Test("the polling fallback sees growth, shrinking and rotation")
  func pollingFallback() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("ops.jsonl")
    let follower = LogFollower(path: path, useInotify: false)
    #expect(follower.wakeDescriptor == nil)
    #expect(follower.suggestedPollInterval == .milliseconds(100))
    #expect(try read(follower).isEmpty)
    try append("a\nb", to: path)
    #expect(try read(follower) == [.appeared, .line("a", 1)])
    try append("\nc\n", to: path)
    #expect(try read(follower) == [.line("b", 2), .line("c", 3)])
    try truncate(path)
    try append("t\n", to: path)
    #expect(try read(follower) == [.truncated, .line("t", 1)])
    try rename(path, to: dir.file("ops.jsonl.1"))
    try append("r\n", to: path)
    #expect(try read(follower) == [.replaced, .line("r", 1)])
    try remove(path)
    #expect(try read(follower) == [.vanished])
  }

  // MARK: - Errors

  @Test("a directory is refused with a message naming the path and the cause")
  func directoryIsRefused() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("sub")
    #expect(mkdir(path, 0o755) == 0)
    let follower = LogFollower(path: path)
    let error = try #require(throws: FollowError.self) { try read(follower) }
    #expect(error.path == path)
    #expect(error.description == "cannot open \(path): not a regular file")
    #expect(follower.status == .waiting)
  }

  @Test("permission denied is thrown with the path and strerror", .enabled(if: getuid() != 0))
  func permissionDenied() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("secret.jsonl")
    try append("a\n", to: path)
    #expect(chmod(path, 0) == 0)
    let follower = LogFollower(path: path)
    let error = try #require(throws: FollowError.self) { try read(follower) }
    #expect(error.code == EACCES)
    #expect(error.description == "cannot open \(path): Permission denied")
    #expect(chmod(path, 0o644) == 0)
    #expect(try read(follower) == [.appeared, .line("a", 1)])
  }

  @Test("the error message uses strerror")
  func errorMessage() {
    let error = FollowError(path: "/var/log/ops.jsonl", operation: .read, code: EIO)
    #expect(error.description == "cannot read /var/log/ops.jsonl: Input/output error")
  }
}

// MARK: - Helpers

/// What a follower handed out, with lines copied so they outlive the sink call.
private enum Seen: Equatable, CustomStringConvertible {
  case line(String, Int)
  case truncated
  case replaced
  case appeared
  case vanished

  var description: String {
    switch self {
    case .line(let text, let number): "\(number): \(text.debugDescription)"
    case .truncated: "truncated"
    case .replaced: "replaced"
    case .appeared: "appeared"
    case .vanished: "vanished"
    }
  }

  init(_ event: FollowEvent) {
    switch event {
    case .line(let bytes, let number): self = .line(String(decoding: bytes, as: UTF8.self), number)
    case .truncated: self = .truncated
    case .replaced: self = .replaced
    case .appeared: self = .appeared
    case .vanished: self = .vanished
    }
  }
}

private func read(_ follower: LogFollower) throws -> [Seen] {
  var seen: [Seen] = []
  try follower.readAvailable { seen.append(Seen($0)) }
  return seen
}

private func readAfterWake(_ follower: LogFollower) throws -> [Seen] {
  var seen: [Seen] = []
  try follower.readAfterWake { seen.append(Seen($0)) }
  return seen
}

#if canImport(Glibc)
  /// What the run loop does: waits for the wake descriptor, then reads after each wake until
  /// it is quiet (closing a watched file queues one more notice that finds nothing new).
  private func wakeAndRead(_ follower: LogFollower) throws -> [Seen] {
    let wake = try #require(follower.wakeDescriptor)
    try #require(isReadable(wake, timeoutMilliseconds: 2000), "no wake-up")
    var seen: [Seen] = []
    var wakes = 0
    repeat {
      seen += try readAfterWake(follower)
      wakes += 1
    } while wakes < 4 && isReadable(wake, timeoutMilliseconds: 0)
    #expect(!isReadable(wake, timeoutMilliseconds: 0))
    return seen
  }
#endif

private struct SystemCallFailed: Error, CustomStringConvertible {
  let call: String
  let code: Int32
  var description: String { "\(call): \(String(cString: strerror(code)))" }
}

private func check(_ result: Int32, _ call: String) throws {
  if result != 0 { throw SystemCallFailed(call: call, code: errno) }
}

/// Appends with `O_APPEND`, creating the file, so its inode stays the same.
private func append(_ text: String, to path: String) throws {
  let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
  guard descriptor >= 0 else { throw SystemCallFailed(call: "open \(path)", code: errno) }
  defer { close(descriptor) }
  let bytes = Array(text.utf8)
  var written = 0
  while written < bytes.count {
    let count = bytes.withUnsafeBytes { buffer in
      write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
    }
    if count < 0 {
      if errno == EINTR { continue }
      throw SystemCallFailed(call: "write \(path)", code: errno)
    }
    written += count
  }
}

private func truncate(_ path: String) throws {
  #if canImport(Glibc)
    try check(Glibc.truncate(path, 0), "truncate \(path)")
  #else
    try check(Darwin.truncate(path, 0), "truncate \(path)")
  #endif
}

private func rename(_ path: String, to newPath: String) throws {
  #if canImport(Glibc)
    try check(Glibc.rename(path, newPath), "rename \(path)")
  #else
    try check(Darwin.rename(path, newPath), "rename \(path)")
  #endif
}

private func remove(_ path: String) throws {
  try check(unlink(path), "unlink \(path)")
}

private func isReadable(_ descriptor: Int32, timeoutMilliseconds: Int32) -> Bool {
  var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
  while true {
    let result = poll(&entry, 1, timeoutMilliseconds)
    if result < 0, errno == EINTR { continue }
    return result == 1 && entry.revents & Int16(POLLIN) != 0
  }
}

/// A fresh directory under the system's temporary directory, removed with its contents.
private final class TemporaryDirectory {
  let path: String

  init() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("watchfloor-follow-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    path = url.path
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  func file(_ name: String) -> String { path + "/" + name }
}
