import Dispatch
import Synchronization
import WatchfloorConsole
import WatchfloorLog
import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#endif

/// Writes the console's decisions on a thread of its own, so that a slow disk or a database
/// across the country never holds up a key: the run loop polls `wakeDescriptor` and takes the
/// results with `takeResults()`.
final class DecisionWorker: Sendable {
  private let queue = DispatchQueue(label: "watchfloor.decisions")
  /// Made on the worker's queue at the first decision, used only there.
  private let writer: Mutex<WriterBox>
  private let results = Mutex<[String]>([])
  private let wakeRead: Int32
  private let wakeWrite: Int32

  /// `makeWriter` runs on the worker's thread (opening a database connects).
  init(makeWriter: @escaping @Sendable () throws -> any DecisionWriter) {
    writer = Mutex(WriterBox(make: makeWriter))
    var ends: [Int32] = [-1, -1]
    if pipe(&ends) == 0 {
      for end in ends {
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        _ = fcntl(end, F_SETFL, O_NONBLOCK)
      }
    }
    wakeRead = ends[0]
    wakeWrite = ends[1]
  }

  deinit {
    close(wakeRead)
    close(wakeWrite)
  }

  var wakeDescriptor: Int32 { wakeRead }

  /// Writes the decision in the background; its result line arrives through `takeResults`.
  func submit(
    _ request: DecisionRequest, by officer: String, at time: Timestamp, context: PolicyContext
  ) {
    let order = DecisionOrder(
      kind: request.kind, subjectID: request.subjectID, reason: request.reason,
      destinationID: request.destinationID, expectedFingerprint: request.snapshot)
    queue.async { [self] in
      let line: String
      do {
        // The officer saw the warnings in the confirmation and pressed y.
        let outcome = try writer.withLock { box in
          try box.writer().write(
            order, by: officer, at: time, context: context, acceptingWarnings: true)
        }
        switch outcome {
        case .written(let receipt, _):
          line = "written: \(request.kind.verb) \(request.subjectID) (line \(receipt.lineNumber))"
        case .refused(let reason):
          line = "not written: \(reason)"
        }
      } catch {
        line = "not written: \(error)"
      }
      results.withLock { $0.append(line) }
      var byte: UInt8 = 1
      _ = write(wakeWrite, &byte, 1)
    }
  }

  /// The result lines of the decisions finished since the last call.
  func takeResults() -> [String] {
    var drain = [UInt8](repeating: 0, count: 64)
    while read(wakeRead, &drain, drain.count) > 0 {}
    return results.withLock { lines in
      defer { lines.removeAll() }
      return lines
    }
  }
}

/// The writer, made when first needed. Not Sendable itself: only touched under the
/// worker's mutex, from its queue.
private struct WriterBox: @unchecked Sendable {
  let make: @Sendable () throws -> any DecisionWriter
  var made: (any DecisionWriter)?

  init(make: @escaping @Sendable () throws -> any DecisionWriter) {
    self.make = make
  }

  mutating func writer() throws -> any DecisionWriter {
    if let made { return made }
    let new = try make()
    made = new
    return new
  }
}
