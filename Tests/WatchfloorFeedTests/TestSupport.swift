import WatchfloorFeed
import WatchfloorLog
import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh directory under /tmp, removed with its files when the value goes away.
final class TemporaryDirectory {
  let path: String

  init() throws {
    var template = Array("/tmp/watchfloor-feed-tests-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp failed") }
    path = String(cString: made)
  }

  func file(_ name: String) -> String { path + "/" + name }

  deinit {
    if let directory = opendir(path) {
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name != "." && name != ".." { unlink(path + "/" + name) }
      }
      closedir(directory)
    }
    rmdir(path)
  }
}

struct TestFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// The bytes of a file.
func contents(of path: String) throws -> [UInt8] {
  let descriptor = open(path, O_RDONLY | O_CLOEXEC)
  guard descriptor >= 0 else { throw TestFailure("cannot open \(path)") }
  defer { close(descriptor) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    if count < 0 && errno == EINTR { continue }
    guard count >= 0 else { throw TestFailure("cannot read \(path)") }
    if count == 0 { return bytes }
    bytes += buffer[0..<count]
  }
}

func text(of path: String) throws -> String {
  String(decoding: try contents(of: path), as: UTF8.self)
}

/// A file's lines, without their `\n`.
func lines(of path: String) throws -> [String] {
  try text(of: path).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(
    String.init)
}

/// Writes `text` to a new file at `path`.
func write(_ text: String, to path: String) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
  guard descriptor >= 0 else { throw TestFailure("cannot create \(path)") }
  defer { close(descriptor) }
  var text = text
  let written = text.withUTF8 { write(descriptor, $0.baseAddress, $0.count) }
  guard written == text.utf8.count else { throw TestFailure("short write to \(path)") }
}

/// A timeline that folded `lines` in order, with the verdict of each.
struct Folded {
  let timeline = Timeline()
  private(set) var anomalies: [String] = []
  private(set) var malformed: [String] = []

  init(_ lines: [String]) {
    let source = timeline.addSource("test")
    for (index, line) in lines.enumerated() {
      var line = line
      let verdict = line.withUTF8 {
        timeline.ingest(UnsafeRawBufferPointer($0), lineNumber: index + 1, source: source)
      }
      switch verdict {
      case .anomaly(let anomaly):
        anomalies.append("line \(index + 1): \(anomaly.message(timeline.tables)): \(line)")
      case .malformed(let reason): malformed.append("line \(index + 1): \(reason): \(line)")
      default: break
      }
    }
  }

  var counts: LineCounts { timeline.current.counts }
}

/// The value of a string member in an event line, by a plain text search (test lines are
/// written in the samples' style, `"key": "value"`).
func member(_ key: String, of line: String) -> String? {
  guard let range = line.range(of: "\"\(key)\": \"") else { return nil }
  let rest = line[range.upperBound...]
  guard let end = rest.firstIndex(of: "\"") else { return nil }
  return String(rest[..<end])
}

/// The value of an integer member in an event line.
func integerMember(_ key: String, of line: String) -> Int? {
  guard let range = line.range(of: "\"\(key)\": ") else { return nil }
  return Int(line[range.upperBound...].prefix { $0.isNumber || $0 == "-" })
}

/// `2026-01-23T22:41:00Z` as a timestamp.
func time(_ text: String) -> Timestamp {
  RFC3339.parse(text, verbatim: Interner()) ?? .missing
}
