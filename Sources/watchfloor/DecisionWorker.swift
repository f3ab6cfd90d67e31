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
  private let wakePipe = WakePipe()

  /// `makeWriter` runs on the worker's thread (opening a database connects).
  init(makeWriter: @escaping @Sendable () throws -> any DecisionWriter) {
    writer = Mutex(WriterBox(make: makeWriter))
  }

  var wakeDescriptor: Int32 { wakePipe.readDescriptor }

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
      wakePipe.wake()
    }
  }

  /// The result lines of the decisions finished since the last call.
  func takeResults() -> [String] {
    wakePipe.drain()
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
