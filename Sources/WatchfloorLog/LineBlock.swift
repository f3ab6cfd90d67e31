import WatchfloorModel

/// A run of whole lines of one source, with each line's scan: what the pipeline's reader
/// thread hands to the folding thread.
///
/// Blocks are reused round a ring, so their storage is allocated once per read, not per line.
final class LineBlock {
  /// One line: where it lies in the block, and what the scanner made of it.
  struct Line {
    var start: Int
    var count: Int
    var number: Int
    var outcome: Outcome
    /// The line's known members are `members[firstMember ..< firstMember + memberCount]`.
    var firstMember = 0
    var memberCount = 0
    /// `Timeline.idHasher`'s hash of the line's `id`, when it has one (a string).
    var idHash: UInt64?
    /// The line's `ts` parsed here, when it is a string without escapes in a form that keeps
    /// no text; otherwise the decoder parses it.
    var ts: Timestamp?
  }

  enum Outcome: UInt8 {
    case unscanned, blank, object
    /// Not a JSON object: the reason is the next of `reasons`, in line order.
    case invalid
  }

  /// The bytes the lines lie in: `buffer`, or memory the source lends for the block's life.
  private(set) var base: UnsafeRawPointer?
  private(set) var lines: [Line] = []
  private(set) var members: [ScannedMember] = []
  private(set) var reasons: [String] = []
  /// The source index of the lines (`Timeline.addSource`).
  var source = 0
  /// Set on the block after which the source has nothing more (it may hold lines itself).
  var isLast = false

  /// Storage a source may read into; grown on demand, kept across uses.
  private(set) var buffer: UnsafeMutableRawPointer
  private(set) var capacity: Int

  init(capacity: Int) {
    self.capacity = max(64, capacity)
    buffer = .allocate(byteCount: self.capacity, alignment: 16)
  }

  deinit { buffer.deallocate() }

  /// Empties the block for its next use.
  func reset() {
    base = nil
    source = 0
    lines.removeAll(keepingCapacity: true)
    members.removeAll(keepingCapacity: true)
    reasons.removeAll(keepingCapacity: true)
    isLast = false
  }

  /// Makes `buffer` hold at least `count` bytes, keeping its first `keeping` bytes.
  func reserve(_ count: Int, keeping: Int) {
    guard count > capacity else { return }
    var grown = capacity * 2
    while grown < count { grown *= 2 }
    let resized = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
    resized.copyMemory(from: buffer, byteCount: keeping)
    buffer.deallocate()
    buffer = resized
    capacity = grown
  }

  /// Sets the bytes the lines lie in.
  func use(_ bytes: UnsafeRawPointer) { base = bytes }

  /// Adds the line at `start ..< start + count` of `base`.
  func addLine(start: Int, count: Int, number: Int) {
    lines.append(Line(start: start, count: count, number: number, outcome: .unscanned))
  }

  /// Adds every `\n`-ended line in `range` of `base`, numbered from `firstNumber`; returns
  /// where the unfinished rest begins and the next line number.
  func addLines(in range: Range<Int>, firstNumber: Int) -> (rest: Int, nextNumber: Int) {
    guard let base else { return (range.lowerBound, firstNumber) }
    var start = range.lowerBound
    var number = firstNumber
    while start < range.upperBound,
      let newline = memchr(base + start, 0x0A, range.upperBound - start)
    {
      let end = base.distance(to: UnsafeRawPointer(newline))
      addLine(start: start, count: end - start, number: number)
      number += 1
      start = end + 1
    }
    return (start, number)
  }

  /// The bytes of `line`.
  func bytes(of line: Line) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: base.map { $0 + line.start }, count: line.count)
  }

  /// Scans every line, parses each object's `ts` and hashes its `id` for the duplicate check
  /// (on the reader thread). The arrays are taken out of the block for the loop, so that it
  /// pays no access checks on the block per line.
  func scan(with scanner: inout LineScanner, idHasher: IDSet.Hasher, scratch: inout [UInt8]) {
    var lines = self.lines
    var members = self.members
    self.lines = []
    self.members = []
    for index in lines.indices {
      let first = members.count
      let bytes = bytes(of: lines[index])
      switch scanner.scan(bytes, into: &members) {
      case .blank: lines[index].outcome = .blank
      case .object: lines[index].outcome = .object
      case .invalid(let reason):
        lines[index].outcome = .invalid
        reasons.append(reason)
      }
      lines[index].firstMember = first
      lines[index].memberCount = members.count - first
      // Only an object is decoded: the rest need no `ts` nor `id`.
      guard lines[index].outcome == .object else { continue }
      let content = LineScanner.content(bytes)
      // As the decoder does, the last `ts` and `id` members count.
      if let ts = members[first...].last(where: { $0.field == .ts }), ts.value.kind == .string,
        !ts.value.escaped,
        case .timestamp(let parsed) = RFC3339.parseKeepingNothing(
          UnsafeRawBufferPointer(rebasing: content[ts.value.start..<ts.value.end]))
      {
        lines[index].ts = parsed
      }
      if let id = members[first...].last(where: { $0.field == .id }), id.value.kind == .string {
        let raw = UnsafeRawBufferPointer(rebasing: content[id.value.start..<id.value.end])
        if id.value.escaped {
          unescapeJSONString(raw, into: &scratch)
          lines[index].idHash = scratch.withUnsafeBytes { idHasher.hash($0) }
        } else {
          lines[index].idHash = idHasher.hash(raw)
        }
      }
    }
    self.lines = lines
    self.members = members
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
