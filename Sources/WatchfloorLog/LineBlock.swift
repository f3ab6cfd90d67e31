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
    // Room for a block of typical lines (about 130 bytes, 8 known members each) from the
    // start: growing by doubling copied the arrays and touched fresh pages each time.
    lines.reserveCapacity(self.capacity / 64)
    members.reserveCapacity(self.capacity / 12)
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

  /// Scans every line, parses each object's `ts`, hashes its `id` for the duplicate check,
  /// matches its `type` and hashes the strings the decoder will intern (on the reader
  /// thread). The arrays are taken out of the block for the loop, so that it pays no access
  /// checks on the block per line.
  func scan(
    with scanner: inout LineScanner, hashers: LineHashers, scratch: inout [UInt8]
  ) {
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
      // Only an object is decoded: the rest need no `ts`, `id` nor hashes.
      guard lines[index].outcome == .object else { continue }
      let content = LineScanner.content(bytes)
      // One walk over the members; as the decoder does, the last `ts` and `id` count.
      var ts: JSONValue?
      var id: JSONValue?
      for member in first..<members.count {
        let value = members[member].value
        guard value.kind == .string else {
          if members[member].field == .ts { ts = nil }
          if members[member].field == .id { id = nil }
          continue
        }
        switch members[member].field {
        case .ts: ts = value
        case .id: id = value
        case .type where !value.escaped:
          let type = EventType.matching(value.bytes(in: content))
          members[member].value.ahead = type.map { UInt32($0.rawValue) + 1 } ?? 0
          members[member].value.isWorkedAhead = true
        case let field where field.isInterned && !value.escaped:
          members[member].value.ahead = hashers.strings.hash(value.bytes(in: content))
          members[member].value.isWorkedAhead = true
        default: break
        }
      }
      if let ts, !ts.escaped,
        case .timestamp(let parsed) = RFC3339.parseKeepingNothing(ts.bytes(in: content))
      {
        lines[index].ts = parsed
      }
      if let id {
        let raw = id.bytes(in: content)
        if id.escaped {
          unescapeJSONString(raw, into: &scratch)
          lines[index].idHash = scratch.withUnsafeBytes { hashers.ids.hash($0) }
        } else {
          lines[index].idHash = hashers.ids.hash(raw)
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

/// The hashes the reader thread takes ahead for the timeline it feeds: its duplicate check's
/// and its symbol tables'.
struct LineHashers: Sendable {
  var ids: IDSet.Hasher
  var strings: Interner.Hasher

  init(for timeline: Timeline) {
    ids = timeline.idHasher
    strings = timeline.tables.hasher
  }
}
