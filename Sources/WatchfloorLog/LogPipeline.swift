import Foundation
import WatchfloorModel

/// Where the pipeline's lines come from. `fill` runs on the reader thread (hence the sendable
/// metatype: the reader thread names the type).
protocol LineSource: SendableMetatype {
  /// Fills an empty `block` with the next whole lines of one source, and sets `isLast` on the
  /// block after which nothing follows.
  mutating func fill(_ block: LineBlock)
}

/// Reads a log on two threads: a reader thread reads the bytes, cuts them into lines and scans
/// each line's JSON, while the calling thread decodes, classifies and folds the lines in order.
///
/// The fold is sequential by the spec and so is everything that interns (symbols are numbered
/// in order of first sight); the scan is the half of decoding that touches nothing shared, so
/// it is the half that moves. Blocks go round a small ring, so memory stays bounded whatever
/// the log's size and the reader runs at most a few blocks ahead.
public enum LogPipeline {
  /// Bytes read per block: large enough that handing a block over costs nothing per line,
  /// small enough that the ring stays in the cache's neighbourhood.
  public static let blockBytes = 1 << 20
  static let ringSize = 4

  /// Ingests every line of `source` into `timeline`; calls `report(verdict, source,
  /// lineNumber)` for every non-blank line, in order, on the calling thread. Returns the
  /// source as the reader left it (for its failure, if any).
  static func ingest<Source: LineSource>(
    _ source: Source, into timeline: Timeline, blockBytes: Int = blockBytes,
    report: (LineVerdict, Int, Int) -> Void
  ) -> Source {
    HeapReserve.prepare()
    let ring = Ring(source: source, blockBytes: blockBytes, hashers: LineHashers(for: timeline))
    let reader = Thread { ring.readAll() }
    reader.name = "watchfloor-reader"
    reader.start()
    var index = 0
    while true {
      ring.filled.wait()
      let block = ring.blocks[index]
      fold(block, into: timeline, report: report)
      let isLast = block.isLast
      ring.free.signal()
      if isLast { break }
      index = (index + 1) % ring.blocks.count
    }
    ring.finished.wait()
    return ring.source
  }

  /// How many lines ahead the duplicate check's memory is asked for: enough to cover a miss
  /// in a table larger than the cache while earlier lines are decoded.
  private static let prefetchDistance = 8

  private static func fold(
    _ block: LineBlock, into timeline: Timeline, report: (LineVerdict, Int, Int) -> Void
  ) {
    let source = block.source
    let lines = block.lines
    for line in lines.prefix(prefetchDistance) {
      if let hash = line.idHash { timeline.prefetch(idHash: hash) }
    }
    var nextReason = 0
    block.members.withUnsafeBufferPointer { members in
      for (index, line) in lines.enumerated() {
        if index + prefetchDistance < lines.count, let hash = lines[index + prefetchDistance].idHash
        {
          timeline.prefetch(idHash: hash)
        }
        let verdict: LineVerdict
        switch line.outcome {
        case .blank, .unscanned: continue
        case .invalid:
          verdict = timeline.ingest(
            malformed: block.reasons[nextReason], lineNumber: line.number, source: source)
          nextReason += 1
        case .object:
          verdict = timeline.ingest(
            block.bytes(of: line),
            members: UnsafeBufferPointer(
              rebasing: members[line.firstMember..<line.firstMember + line.memberCount]),
            idHash: line.idHash, ts: line.ts, lineNumber: line.number, source: source)
        }
        report(verdict, source, line.number)
      }
    }
  }

  /// The blocks and the reader's side of the ring.
  ///
  /// Unchecked: each block belongs to one thread at a time and changes hands only through the
  /// semaphores, which also order the memory; the source is used by the reader thread alone
  /// until `finished` is signalled.
  private final class Ring<Source: LineSource>: @unchecked Sendable {
    let blocks: [LineBlock]
    /// Blocks the reader may fill; blocks ready to fold; the reader is done.
    let free: DispatchSemaphore
    let filled = DispatchSemaphore(value: 0)
    let finished = DispatchSemaphore(value: 0)
    var source: Source
    let hashers: LineHashers

    init(source: Source, blockBytes: Int, hashers: LineHashers) {
      self.source = source
      self.hashers = hashers
      blocks = (0..<LogPipeline.ringSize).map { _ in LineBlock(capacity: blockBytes) }
      free = DispatchSemaphore(value: blocks.count)
    }

    func readAll() {
      var scanner = LineScanner()
      var scratch: [UInt8] = []
      var populatedEnd: UInt = 0
      var index = 0
      while true {
        free.wait()
        let block = blocks[index]
        block.reset()
        source.fill(block)
        block.scan(with: &scanner, hashers: hashers, scratch: &scratch)
        let isLast = block.isLast
        filled.signal()
        HeapReserve.fill(populatedEnd: &populatedEnd)
        if isLast { break }
        index = (index + 1) % blocks.count
      }
      finished.signal()
    }
  }
}
