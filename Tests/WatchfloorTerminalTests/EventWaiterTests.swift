import Glibc
import Testing

@testable import WatchfloorTerminal

/// A pipe closed when the test ends.
final class TestPipe {
  let readEnd: Int32
  let writeEnd: Int32

  init() throws {
    var ends: [Int32] = [-1, -1]
    try #require(pipe(&ends) == 0)
    readEnd = ends[0]
    writeEnd = ends[1]
  }

  func write(_ text: String) {
    var bytes = Array(text.utf8)
    _ = Glibc.write(writeEnd, &bytes, bytes.count)
  }

  func readAll() -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = read(readEnd, &buffer, buffer.count)
    return String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
  }

  deinit {
    close(readEnd)
    close(writeEnd)
  }
}

/// Milliseconds a body takes on the monotonic clock.
func milliseconds(_ body: () throws -> Void) rethrows -> Int {
  let start = ContinuousClock.now
  try body()
  let elapsed = ContinuousClock.now - start
  return Int(
    elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
}

@Suite("EventWaiter sleeps in poll until a descriptor is readable")
struct EventWaiterTests {
  @Test("nothing to read: returns empty after the timeout, having slept")
  func timeout() throws {
    let pipe = try TestPipe()
    var ready: [Int32] = [0]
    let elapsed = try milliseconds {
      ready = try EventWaiter.wait(for: [pipe.readEnd], timeoutMilliseconds: 60)
    }
    #expect(ready.isEmpty)
    #expect(elapsed >= 55)
    #expect(elapsed < 2000)
  }

  @Test("a readable descriptor is returned at once, even with no timeout")
  func readable() throws {
    let pipe = try TestPipe()
    let other = try TestPipe()
    pipe.write("x")
    var ready: [Int32] = []
    let elapsed = try milliseconds {
      ready = try EventWaiter.wait(for: [other.readEnd, pipe.readEnd], timeoutMilliseconds: nil)
    }
    #expect(ready == [pipe.readEnd])
    #expect(elapsed < 1000)
    #expect(
      try EventWaiter.wait(for: [pipe.readEnd, pipe.readEnd], timeoutMilliseconds: 0) == [
        pipe.readEnd
      ])
  }

  @Test("a zero timeout only checks")
  func zeroTimeout() throws {
    let pipe = try TestPipe()
    #expect(try EventWaiter.wait(for: [pipe.readEnd], timeoutMilliseconds: 0).isEmpty)
    #expect(try EventWaiter.wait(for: [pipe.readEnd], timeoutMilliseconds: -5).isEmpty)
  }

  @Test("a closed write end reads as ready (end of file)")
  func hangUp() throws {
    var ends: [Int32] = [-1, -1]
    try #require(pipe(&ends) == 0)
    defer { close(ends[0]) }
    close(ends[1])
    #expect(try EventWaiter.wait(for: [ends[0]], timeoutMilliseconds: 1000) == [ends[0]])
  }

  @Test("negative descriptors are ignored; a descriptor that is not open throws")
  func badDescriptors() throws {
    #expect(try EventWaiter.wait(for: [-1], timeoutMilliseconds: 10).isEmpty)
    var ends: [Int32] = [-1, -1]
    try #require(pipe(&ends) == 0)
    close(ends[0])
    close(ends[1])
    #expect(throws: TerminalError.systemCall(name: "poll", errno: EBADF)) {
      try EventWaiter.wait(for: [ends[0]], timeoutMilliseconds: 10)
    }
  }

  @Test("data written while waiting wakes the wait")
  func wakesUp() throws {
    let pipe = try TestPipe()
    let writeEnd = pipe.writeEnd
    afterDelay(milliseconds: 50) {
      var byte: UInt8 = 1
      _ = write(writeEnd, &byte, 1)
    }
    var ready: [Int32] = []
    let elapsed = try milliseconds {
      ready = try EventWaiter.wait(for: [pipe.readEnd], timeoutMilliseconds: 5000)
    }
    #expect(ready == [pipe.readEnd])
    #expect(elapsed < 4000)
  }
}
