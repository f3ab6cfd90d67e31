/// How one line was classified, with the details a report needs.
public enum LineVerdict: Sendable {
  case blank
  case applied
  case anomaly(Anomaly)
  case malformed(reason: String)
  case duplicate
  case unknownType(String)
}

/// The decoded log and its fold: every non-blank line as a compact record, the state after
/// the last one, and checkpoints of the state so that the state after any prefix of the log
/// is reached by replaying at most `checkpointInterval` records.
///
/// Lines are classified as spec/events.md orders it: malformed, duplicate, unknown type,
/// anomaly, applied. A reference type: it owns the growing log; the states it hands out are
/// values.
public final class Timeline {
  public let tables: SymbolTables
  public let checkpointInterval: Int
  /// The state after every record.
  public private(set) var current = OpsState()
  /// The current state's counts, without copying the state out (as `current.counts` from
  /// another module does, line after line while a log is read).
  public var counts: LineCounts { current.counts }
  /// Names of the source files, indexed by `RecordLocation.source`.
  public private(set) var sourceNames: [String] = []

  private let decoder: EventDecoder
  /// The ids of the lines seen so far that were not malformed, for duplicate detection.
  private let seenIDs = IDSet()
  private var records = ChunkedArray<LogRecord>()
  private var locations = RecordLocations()
  /// `checkpoints[k]` is the state after `k * checkpointInterval` records.
  private var checkpoints: [OpsState] = []
  /// The largest valid `ts` among records `0 ..< (b + 1) * blockSize`, for each block `b`;
  /// non-decreasing, so the first record later than a time is found by binary search.
  private var blockLatest: [Timestamp] = []
  private static let blockSize = 256

  public init(tables: SymbolTables = SymbolTables(), checkpointInterval: Int = 32768) {
    self.tables = tables
    self.checkpointInterval = max(1, checkpointInterval)
    decoder = EventDecoder(tables: tables)
  }

  /// The number of records (non-blank lines).
  public var count: Int { records.count }

  public subscript(index: Int) -> LogRecord { records[index] }

  /// The file and line record `index` was read from.
  public func location(ofRecord index: Int) -> RecordLocation { locations.location(of: index) }

  /// The name of the file of `location`, or nil when it has none.
  public func sourceName(_ location: RecordLocation) -> String? {
    sourceNames.indices.contains(location.source) ? sourceNames[location.source] : nil
  }

  /// The largest valid `ts` of any record, or missing.
  public var latestTime: Timestamp { blockLatest.last ?? .missing }

  /// Makes room for about `lines` more lines, so that reading a file of known size does not
  /// regrow the tables on the way.
  public func reserve(lines: Int) {
    seenIDs.reserve(lines)
  }

  /// Gives back memory reserved by estimate once a bulk read is over.
  public func trim() {
    seenIDs.trim()
    tables.facilities.trim()
    tables.airlifts.trim()
    tables.incidents.trim()
    tables.texts.trim()
  }

  /// Registers a source file; its index is the `source` of the records read from it
  /// (`location(ofRecord:)`).
  public func addSource(_ name: String) -> Int {
    sourceNames.append(name)
    return sourceNames.count - 1
  }

  /// Decodes, classifies and folds one line.
  @discardableResult
  public func ingest(_ line: UnsafeRawBufferPointer, lineNumber: Int, source: Int) -> LineVerdict {
    classify(decoder.decode(line), idHash: nil, lineNumber: lineNumber, source: source)
  }

  /// Decodes, classifies and folds one line that `LineScanner` has scanned to an object with
  /// these known `members` (as `LogPipeline` does on another thread); `idHash` is
  /// `idHasher.hash` of the line's `id`, when it has one, and `ts` its `ts` when parsed there
  /// too (`EventDecoder.decode(_:members:ts:)`).
  @discardableResult
  public func ingest(
    _ line: UnsafeRawBufferPointer, members: UnsafeBufferPointer<ScannedMember>, idHash: UInt64?,
    ts: Timestamp? = nil, lineNumber: Int, source: Int
  ) -> LineVerdict {
    classify(
      decoder.decode(line, members: members, ts: ts), idHash: idHash, lineNumber: lineNumber,
      source: source)
  }

  /// The hash of event ids that `ingest(_:members:idHash:ts:lineNumber:source:)` takes; a value
  /// for any thread.
  public var idHasher: IDSet.Hasher { seenIDs.hasher }

  /// Starts bringing in what the duplicate check of an id with this hash will read, a few
  /// lines ahead of its `ingest`.
  @inline(__always)
  public func prefetch(idHash: UInt64) { seenIDs.prefetch(hash: idHash) }

  /// Classifies and folds one line whose scan found it malformed (`LineScanner.Outcome`).
  @discardableResult
  public func ingest(malformed reason: String, lineNumber: Int, source: Int) -> LineVerdict {
    decoder.forgetLineID()
    return classify(
      .malformed(reason: reason, ts: .missing), idHash: nil, lineNumber: lineNumber,
      source: source)
  }

  /// The decoder's `lineID`, when it has one, is this line's.
  private func classify(
    _ decoded: DecodedLine, idHash: UInt64?, lineNumber: Int, source: Int
  ) -> LineVerdict {
    var record: LogRecord
    var verdict: LineVerdict
    switch decoded {
    case .blank:
      return .blank
    case .malformed(let reason, let ts):
      record = LogRecord(ts: ts, body: .none, by: .none, disposition: .malformed)
      verdict = .malformed(reason: reason)
    case .unknownType(let ts, let type):
      record = LogRecord(ts: ts, body: .none, by: .none, disposition: .unknownType)
      verdict = .unknownType(type)
    case .event(let ts, let by, let body):
      record = LogRecord(ts: ts, body: body, by: by, disposition: .applied)
      verdict = .applied
    }
    if decoder.hasLineID {
      let isDuplicate = decoder.withLineID { id in
        if let idHash { !seenIDs.insert(id, hash: idHash) } else { !seenIDs.insert(id) }
      }
      if isDuplicate {
        record.body = .none
        record.disposition = .duplicate
        verdict = .duplicate
      }
    }
    append(&record, &verdict, line: lineNumber, source: source)
    return verdict
  }

  private func append(
    _ record: inout LogRecord, _ verdict: inout LineVerdict, line: Int, source: Int
  ) {
    let index = records.count
    if index % checkpointInterval == 0 { checkpoints.append(current.withoutHistory) }
    if case .anomaly(let anomaly) = current.fold(record) {
      record.disposition = .anomaly
      verdict = .anomaly(anomaly)
    }
    let block = index / Self.blockSize
    if block == blockLatest.count { blockLatest.append(blockLatest.last ?? .missing) }
    if !record.ts.isMissing && (blockLatest[block].isMissing || blockLatest[block] < record.ts) {
      blockLatest[block] = record.ts
    }
    records.append(record)
    locations.append(line: line, source: source)
  }

  /// The state after the first `count` records (clamped to the log).
  public func state(afterRecords count: Int) -> OpsState {
    let count = min(max(0, count), records.count)
    if count == records.count { return current }
    let checkpoint = count / checkpointInterval
    var state = checkpoints[checkpoint]
    records.forEach(in: checkpoint * checkpointInterval..<count) { state.fold($0) }
    return state
  }

  /// The state after the first `count` records, reached from `known` (a state of this log)
  /// when that is nearer than a checkpoint: scrubbing forward folds only the records between.
  public func state(afterRecords count: Int, from known: OpsState) -> OpsState {
    let count = min(max(0, count), records.count)
    let knownCount = known.counts.events
    guard knownCount <= count, count < records.count,
      count - knownCount <= count % checkpointInterval
    else { return state(afterRecords: count) }
    var state = known
    records.forEach(in: knownCount..<count) { state.fold($0) }
    return state
  }

  /// How many records are "as of `time`": those before the first record with a valid `ts`
  /// later than `time` (spec/events.md, "As of time T").
  public func recordCount(asOf time: Timestamp) -> Int {
    var low = 0
    var high = blockLatest.count
    while low < high {
      let middle = (low + high) / 2
      if !blockLatest[middle].isMissing && time < blockLatest[middle] {
        high = middle
      } else {
        low = middle + 1
      }
    }
    guard low < blockLatest.count else { return records.count }
    let start = low * Self.blockSize
    let end = min(records.count, start + Self.blockSize)
    for index in start..<end {
      let ts = records[index].ts
      if !ts.isMissing && time < ts { return index }
    }
    return end
  }

  /// The state as of `time`.
  public func state(asOf time: Timestamp) -> OpsState {
    state(afterRecords: recordCount(asOf: time))
  }

  /// Bytes retained by the records, checkpoints' index and the duplicate set (the states in
  /// checkpoints share most of their storage and are measured by the allocator instead).
  public var recordFootprint: Int {
    records.footprint + locations.footprint + seenIDs.footprint
      + blockLatest.capacity * MemoryLayout<Timestamp>.stride
  }
}
