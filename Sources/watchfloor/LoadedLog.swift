import ArgumentParser
import WatchfloorLog
import WatchfloorModel

/// The SOURCE arguments read into a timeline, or exit 2 with a one-line message.
struct LoadedLog {
  let files: [String]
  let timeline: Timeline

  init(
    sources: [String], checkpointInterval: Int = 32_768,
    report: (LineVerdict, Int, Int, Timeline) -> Void = { _, _, _, _ in }
  ) throws {
    do {
      files = try LogSources.files(for: sources)
      let timeline = Timeline(checkpointInterval: checkpointInterval)
      try LogReader.read(files, into: timeline) { verdict, source, line in
        report(verdict, source, line, timeline)
      }
      self.timeline = timeline
    } catch {
      standardError("watchfloor: \(error)")
      throw ExitCode(2)
    }
  }

  /// The decision chain's verdict on every decision line of the files (they are read again
  /// and hashed); exits 2 when a file cannot be read.
  func chainMarks() throws -> ChainMarks {
    do {
      return try ChainLedger.verify(files).marks
    } catch {
      standardError("watchfloor: \(error)")
      throw ExitCode(2)
    }
  }
}

/// Parses a `--at` time: RFC 3339; a date and time without offset is taken as UTC; a bare
/// date means the end of that day (UTC).
func parseTime(_ text: String, tables: SymbolTables) throws -> Timestamp {
  if let time = RFC3339.parse(text, verbatim: tables.texts) { return time }
  if text.count == 10,
    let day = RFC3339.parse(text + "T23:59:59.999999999Z", verbatim: tables.texts)
  {
    return day
  }
  for suffix in ["Z", ":00Z"] {
    if let time = RFC3339.parse(text + suffix, verbatim: tables.texts) { return time }
  }
  standardError(
    "watchfloor: --at '\(text)' is not a time: use RFC 3339 (2026-01-21T06:00:00Z, "
      + "2026-01-21T09:00:00+03:00), a UTC date and time (2026-01-21T06:00) or a date")
  throw ExitCode(2)
}
