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
    // About 100 bytes a line: room for the duplicate table to grow into without rehashing.
    var bytes = 0
    for path in paths {
      var info = stat()
      if stat(path, &info) == 0 { bytes += Int(info.st_size) }
    }
    timeline.reserve(lines: bytes / 100)
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
    timeline.reserve(lines: bytes.count / 100)
    _ = LogPipeline.ingest(
      MemoryLines(bytes, source: source, blockBytes: LogPipeline.blockBytes), into: timeline,
      report: report)
    timeline.trim()
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
