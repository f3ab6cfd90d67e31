import Foundation
import Testing
import WatchfloorFeed

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("FeedWriter appends whole lines")
struct FeedWriterTests {
  @Test("lines are appended in order, each with exactly one newline, after what was there")
  func appendsWholeLines() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("ops.jsonl")
    try write("{\"first\": 1}\n", to: path)
    let writer = try FeedWriter(path: path)
    try writer.append(["{\"a\": 1}", "{\"b\": \"two\"}\n"])
    try writer.append([])
    try writer.append(["{\"c\": 3}"])
    #expect(try text(of: path) == "{\"first\": 1}\n{\"a\": 1}\n{\"b\": \"two\"}\n{\"c\": 3}\n")
  }

  @Test("the file is created, mode 0644 before the umask")
  func createsTheFile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("new.jsonl")
    let writer = try FeedWriter(path: path)
    try writer.append(["{}"])
    var info = stat()
    #expect(stat(path, &info) == 0)
    let mask = umask(0)
    umask(mask)
    #expect(info.st_mode & 0o777 == 0o644 & ~mask)
    #expect(try text(of: path) == "{}\n")
  }

  @Test("a line holding a line break is refused and nothing of its batch is written")
  func refusesEmbeddedLineBreaks() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("ops.jsonl")
    let writer = try FeedWriter(path: path)
    #expect(throws: FeedError.self) { try writer.append(["{\"a\": 1}", "{\"b\":\n2}"]) }
    #expect(throws: FeedError.self) { try writer.append([""]) }
    #expect(try text(of: path) == "")
  }

  @Test("the producer runs under the lock and its lines are written")
  func producerUnderLock() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("ops.jsonl")
    let writer = try FeedWriter(path: path)
    let written = try writer.append { () throws -> [String] in
      // Another descriptor cannot take the lock while the producer runs.
      let other = open(path, O_RDONLY | O_CLOEXEC)
      defer { close(other) }
      #expect(flock(other, LOCK_EX | LOCK_NB) != 0)
      return ["{\"x\": 1}"]
    }
    #expect(written == ["{\"x\": 1}"])
    #expect(try text(of: path) == "{\"x\": 1}\n")
  }

  @Test("errors name the path and the system's reason")
  func errorsNameThePath() throws {
    let path = "/nonexistent-watchfloor-directory/ops.jsonl"
    do {
      _ = try FeedWriter(path: path)
      Issue.record("opening \(path) should fail")
    } catch {
      #expect(error.description == "cannot open \(path): No such file or directory")
      #expect(error.code == ENOENT)
    }
  }

  @Test("after a rotation the writer appends to the new file; a removed file is reported")
  func followsRotationAndRemoval() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("ops.jsonl")
    let writer = try FeedWriter(path: path)
    try writer.append(["{\"old\": 1}"])
    #expect(rename(path, directory.file("ops.1.jsonl")) == 0)
    try write("", to: path)
    try writer.append(["{\"new\": 1}"])
    #expect(try text(of: directory.file("ops.1.jsonl")) == "{\"old\": 1}\n")
    #expect(try text(of: path) == "{\"new\": 1}\n")
    #expect(unlink(path) == 0)
    do {
      try writer.append(["{\"gone\": 1}"])
      Issue.record("appending to a removed log should fail")
    } catch {
      #expect(error.isRemoved)
      #expect(error.description.contains(path))
    }
    #expect(access(path, F_OK) != 0)
  }

  @Test("four writers on four threads, 1,000 lines each, never interleave lines or batches")
  func concurrentWritersNeverInterleave() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("ops.jsonl")
    let writers = 4
    let perWriter = 1000
    let done = Countdown(writers)
    for writer in 0..<writers {
      let thread = Thread {
        do {
          let feed = try FeedWriter(path: path)
          var next = 0
          var batch = 1
          while next < perWriter {
            let count = min(batch, perWriter - next)
            let lines = (next..<next + count).map { sequence in
              // Long, varied lines: 40 to about 6,000 bytes.
              let pad = String(
                repeating: Character(UnicodeScalar(97 + writer) ?? "x"),
                count: (sequence * 7919 + writer * 104_729) % 6000)
              return "{\"writer\": \(writer), \"seq\": \(sequence), \"pad\": \"\(pad)\"}"
            }
            try feed.append(lines)
            next += count
            batch = batch % 13 + 1
          }
        } catch {
          done.fail("writer \(writer): \(error)")
        }
        done.finish()
      }
      thread.start()
    }
    done.wait()
    #expect(done.failures.isEmpty, "\(done.failures)")

    let all = try lines(of: path)
    #expect(all.count == writers * perWriter)
    // Batches of 1, 2, … 13, 1, 2, … lines: the last sequence number of each batch.
    var batchEnds = Set<Int>()
    var end = 0
    var size = 1
    while end < perWriter {
      end = min(perWriter, end + size)
      batchEnds.insert(end - 1)
      size = size % 13 + 1
    }
    var nextSequence = [Int](repeating: 0, count: writers)
    var unreadable = 0
    var splitBatches = 0
    var inBatch: Int?
    for line in all {
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)),
        let fields = object as? [String: Any], let writer = fields["writer"] as? Int,
        let sequence = fields["seq"] as? Int, let pad = fields["pad"] as? String,
        (0..<writers).contains(writer)
      else {
        unreadable += 1
        continue
      }
      #expect(sequence == nextSequence[writer], "writer \(writer) out of order")
      // Inside a batch, the next line is the same writer's: batches never interleave.
      if let expected = inBatch, expected != writer { splitBatches += 1 }
      inBatch = batchEnds.contains(sequence) ? nil : writer
      #expect(pad.allSatisfy { $0 == Character(UnicodeScalar(97 + writer) ?? "x") })
      nextSequence[writer] = sequence + 1
    }
    #expect(unreadable == 0)
    #expect(splitBatches == 0, "\(splitBatches) batches interleaved with another writer's")
    #expect(nextSequence == [Int](repeating: perWriter, count: writers))
  }
}

/// Waits for a number of threads to finish, collecting their failures.
final class Countdown: @unchecked Sendable {
  private let condition = NSCondition()
  private var remaining: Int
  private var collected: [String] = []

  init(_ count: Int) { remaining = count }

  func fail(_ message: String) {
    condition.lock()
    collected.append(message)
    condition.unlock()
  }

  func finish() {
    condition.lock()
    remaining -= 1
    condition.broadcast()
    condition.unlock()
  }

  func wait() {
    condition.lock()
    while remaining > 0 { condition.wait() }
    condition.unlock()
  }

  var failures: [String] {
    condition.lock()
    defer { condition.unlock() }
    return collected
  }
}
