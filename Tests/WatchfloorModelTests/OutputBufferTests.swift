import Foundation
import Testing
import WatchfloorModel

/// Runs `body` on a buffer to a fresh temporary file, finishes the line and returns the bytes
/// the file received and the most the buffer held.
func streamedToFile(
  capacity: Int, sanitizing: Bool = false, _ body: (inout OutputBuffer) -> Void
) throws -> (text: String, peak: Int) {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("watchfloor-output-\(UUID().uuidString)")
  try Data().write(to: url)
  defer { try? FileManager.default.removeItem(at: url) }
  let handle = try FileHandle(forWritingTo: url)
  var out = OutputBuffer(
    descriptor: handle.fileDescriptor, capacity: capacity, sanitizing: sanitizing)
  body(&out)
  out.finishLine()
  try handle.close()
  #expect(!out.writeFailed)
  #expect(out.bufferedBytes == 0)
  return (String(decoding: try Data(contentsOf: url), as: UTF8.self), out.peakBufferedBytes)
}

/// The same for a JSON writer.
func streamedJSON(
  capacity: Int, pretty: Bool = true, _ body: (inout JSONWriter) -> Void
) throws -> (text: String, peak: Int) {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("watchfloor-json-\(UUID().uuidString)")
  try Data().write(to: url)
  defer { try? FileManager.default.removeItem(at: url) }
  let handle = try FileHandle(forWritingTo: url)
  var out = JSONWriter(descriptor: handle.fileDescriptor, pretty: pretty, capacity: capacity)
  body(&out)
  out.finish()
  try handle.close()
  #expect(!out.output.writeFailed)
  return (String(decoding: try Data(contentsOf: url), as: UTF8.self), out.output.peakBufferedBytes)
}

@Suite("OutputBuffer and JSONWriter: one writer, to a string or through a bounded buffer")
struct OutputBufferTests {
  /// A document with every hostile string as a value and in a key, nested a few levels.
  static func document(_ out: inout JSONWriter) {
    out.beginObject()
    out.beginArray("values")
    for value in JSONWriterTests.hostile { out.string(nil, value) }
    out.endArray()
    for (index, value) in JSONWriterTests.hostile.enumerated() {
      out.beginObject("\(index)\(value)")
      out.string("value", value)
      out.integer("index", index)
      out.number("share", Double(index) / 3)
      out.bool("odd", index % 2 == 1)
      out.beginArray("empty")
      out.endArray()
      out.endObject()
    }
    out.string("none", nil)
    out.endObject()
  }

  @Test("a writer to a descriptor writes the bytes the in-memory writer builds, at any capacity")
  func descriptorEqualsString() throws {
    for pretty in [true, false] {
      var memory = JSONWriter(pretty: pretty)
      Self.document(&memory)
      for capacity in [1, 2, 7, 64, 4096, OutputBuffer.defaultCapacity] {
        let streamed = try streamedJSON(capacity: capacity, pretty: pretty, Self.document)
        #expect(streamed.text == memory.text + "\n", "capacity \(capacity), pretty \(pretty)")
        #expect(streamed.peak <= capacity)
      }
    }
  }

  @Test("the buffer never holds more than its capacity; a larger piece goes straight through")
  func bounded() throws {
    let pieces = ["abc", "defghij", String(repeating: "x", count: 100), "k", "\n", "lmnop"]
    let streamed = try streamedToFile(capacity: 16) { out in
      for _ in 0..<50 {
        for piece in pieces {
          out.write(piece)
          #expect(out.bufferedBytes <= 16)
        }
      }
    }
    #expect(streamed.text == String(repeating: pieces.joined(), count: 50) + "\n")
    #expect(streamed.peak <= 16 && streamed.peak > 0)
  }

  @Test("the in-memory sink keeps everything; a descriptor sink counts what it wrote")
  func sinks() throws {
    var memory = OutputBuffer()
    #expect(memory.sink == .string)
    for index in 0..<1000 { memory.write("line \(index)\n") }
    memory.finishLine()
    #expect(memory.text == (0..<1000).map { "line \($0)\n" }.joined())
    #expect(memory.peakBufferedBytes == memory.text.utf8.count)
    let streamed = try streamedToFile(capacity: 100) { out in
      for index in 0..<1000 { out.write("line \(index)\n") }
      #expect(out.writtenBytes + out.bufferedBytes == memory.text.utf8.count)
    }
    #expect(streamed.text == memory.text)
  }

  @Test("a sanitising buffer writes what sanitising the whole text writes")
  func sanitising() throws {
    let pieces = JSONWriterTests.hostile.flatMap { [$0, "\n", " "] }
    let whole = Sanitizer.sanitizeLines(pieces.joined())
    for capacity in [3, 64, 100_000] {
      let streamed = try streamedToFile(capacity: capacity, sanitizing: true) { out in
        for piece in pieces { out.write(piece) }
      }
      #expect(streamed.text == whole + "\n")
      #expect(streamed.peak <= capacity)
    }
  }

  @Test("finishing a line adds the newline only when missing")
  func finishLine() {
    var ended = OutputBuffer()
    ended.write("a\n")
    ended.write("")
    ended.finishLine()
    #expect(ended.text == "a\n")
    var open = OutputBuffer()
    open.write("a\nb")
    open.finishLine()
    #expect(open.text == "a\nb\n")
    var empty = OutputBuffer()
    empty.finishLine()
    #expect(empty.text == "\n")
  }

  @Test("a failed write drops the rest of the output and says so")
  func failedWrite() {
    var out = OutputBuffer(descriptor: -1, capacity: 4)
    out.write("more than four bytes")
    out.write("ab")
    out.finishLine()
    #expect(out.writeFailed)
    #expect(out.writtenBytes == 0)
    #expect(out.bufferedBytes == 0)
  }
}
