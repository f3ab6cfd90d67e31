import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads finished log files into a timeline: whole files, in order, as one log.
///
/// A last line without its newline is read as a normal line; a UTF-8 byte order mark at the
/// start of a file is skipped. Files are read in 1 MiB blocks, so memory does not grow with
/// the file beyond what the timeline keeps.
public enum LogReader {
  /// Calls `report(verdict, source, lineNumber)` for every non-blank line, after it is folded.
  ///
  /// Lines are read and scanned on a second thread while this one folds them (`LogPipeline`);
  /// `blockBytes` is the size of a read, smaller only in tests.
  public static func read(
    _ paths: [String], into timeline: Timeline, blockBytes: Int = LogPipeline.blockBytes,
    report: (LineVerdict, Int, Int) -> Void = { _, _, _ in }
  ) throws(LogSourceError) {
    var bytes = 0
    var largest: (path: String, size: Int)?
    for path in paths {
      var info = stat()
      guard stat(path, &info) == 0 else { continue }
      bytes += Int(info.st_size)
      if Int(info.st_size) > largest?.size ?? 0 { largest = (path, Int(info.st_size)) }
    }
    let sample = largest.map { sampleFromTheMiddle(of: $0.path, size: $0.size) } ?? []
    timeline.reserve(lines: sample.withUnsafeBytes { estimatedLines(bytes, sample: $0) })
    let files = paths.map { (path: $0, source: timeline.addSource($0)) }
    let reader = LogPipeline.ingest(
      FileLines(files, blockBytes: blockBytes), into: timeline, blockBytes: blockBytes,
      report: report)
    timeline.trim()
    if let failure = reader.failure { throw failure }
  }

  /// Folds the lines of a log held in memory into `timeline`, as `source`, as `read` does a
  /// file's (the benchmark's corpus).
  public static func read(
    bytes: UnsafeRawBufferPointer, source: Int, into timeline: Timeline,
    report: (LineVerdict, Int, Int) -> Void = { _, _, _ in }
  ) {
    let middle = bytes.count / 2
    let sample = UnsafeRawBufferPointer(
      rebasing: bytes[middle..<min(bytes.count, middle + sampleBytes)])
    timeline.reserve(lines: estimatedLines(bytes.count, sample: sample))
    _ = LogPipeline.ingest(
      MemoryLines(bytes, source: source, blockBytes: LogPipeline.blockBytes), into: timeline,
      report: report)
    timeline.trim()
  }

  /// Bytes read to estimate the length of a line.
  static let sampleBytes = 1 << 16
  /// The shortest line the estimate assumes (`{"ts":"…","type":"…","id":"…"}` is longer).
  static let minimumEventLineBytes = 48

  /// About how many lines `bytes` bytes hold, judged by the lines of `sample`, with 5% to
  /// spare: the duplicate table is sized once for them, so that it neither rebuilds itself
  /// while the log is read nor needs a rebuild to give back room afterwards. Without a sample
  /// of enough lines, 100 bytes a line.
  static func estimatedLines(_ bytes: Int, sample: UnsafeRawBufferPointer) -> Int {
    var newlines = 0
    var rest = sample
    while let base = rest.baseAddress, !rest.isEmpty,
      let found = memchr(base, 0x0A, rest.count)
    {
      newlines += 1
      rest = UnsafeRawBufferPointer(rebasing: rest[(base.distance(to: found) + 1)...])
    }
    guard newlines >= 16 else { return bytes / 100 }
    // No line that carries an event id is shorter than this: a sample of blank or tiny lines
    // must not size the table for billions of ids.
    let lineBytes = max(Double(minimumEventLineBytes), Double(sample.count) / Double(newlines))
    return Int(Double(bytes) / lineBytes * 1.05)
  }

  /// Up to `sampleBytes` from the middle of a file (none if it cannot be read).
  private static func sampleFromTheMiddle(of path: String, size: Int) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return [] }
    defer { close(descriptor) }
    var sample = [UInt8](repeating: 0, count: min(size, sampleBytes))
    let got = sample.withUnsafeMutableBytes {
      pread(descriptor, $0.baseAddress, $0.count, off_t((size - $0.count) / 2))
    }
    return Array(sample.prefix(max(0, got)))
  }

  /// Calls `sink(line, lineNumber)` for every line of one finished file.
  public static func readFile(
    _ path: String, _ sink: (UnsafeRawBufferPointer, Int) -> Void
  ) throws(LogSourceError) {
    try readFile(
      path, byteOrderMark: { _ in }, lines: { line, number, _ in sink(line, number) })
  }

  /// Calls `lines(line, lineNumber, terminated)` for every line of one finished file, where
  /// `terminated` says whether a `\n` ended the line (only the last line may lack one), and
  /// `byteOrderMark(bytes)` with a UTF-8 byte order mark the lines leave out.
  public static func readFile(
    _ path: String, byteOrderMark: (UnsafeRawBufferPointer) -> Void,
    lines sink: (UnsafeRawBufferPointer, Int, Bool) -> Void
  ) throws(LogSourceError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .system(path) }
    defer { close(descriptor) }
    var splitter = LineSplitter()
    let chunkSize = 1 << 20
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    var first = true
    while true {
      let got = Glibc.read(descriptor, buffer.baseAddress, chunkSize)
      if got < 0 {
        if errno == EINTR { continue }
        throw .system(path)
      }
      if got == 0 { break }
      var chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<got])
      if first {
        first = false
        let mark = ByteOrderMark.length(at: chunk)
        if mark > 0 {
          byteOrderMark(UnsafeRawBufferPointer(rebasing: chunk[0..<mark]))
          chunk = UnsafeRawBufferPointer(rebasing: chunk[mark...])
        }
      }
      splitter.feed(chunk) { line, number in sink(line, number, true) }
    }
    splitter.finish { line, number in sink(line, number, false) }
  }
}
