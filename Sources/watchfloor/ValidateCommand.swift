import ArgumentParser
import WatchfloorModel
import WatchfloorReport

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Report malformed lines, anomalies, duplicates and unknown types in a log.",
    discussion: """
      Exit 0 when there is no malformed line and no anomaly, 1 when there is, 2 when a source
      cannot be read. Duplicates, unknown types and out-of-order lines are listed and counted
      but do not fail validation.
      """
  )

  @Argument(help: "Log files or directories of *.jsonl files.")
  var sources: [String]

  @Flag(help: "Print one JSON object instead of text.")
  var json = false

  func run() throws {
    var validation = ValidationReport()
    let log = try LoadedLog(sources: sources) { verdict, source, line, timeline in
      validation.record(verdict, file: timeline.sourceNames[source], line: line, timeline: timeline)
    }
    validation.files = log.files
    validation.counts = log.timeline.current.counts
    log.keepUntilExit()
    if json {
      var out = standardOutputJSON()
      validation.writeJSON(to: &out)
      out.finish()
    } else {
      var out = standardOutputBuffer()
      validation.writeText(to: &out)
      out.finishLine()
    }
    if !validation.isValid { throw ExitCode(1) }
  }
}
