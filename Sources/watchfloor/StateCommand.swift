import ArgumentParser
import WatchfloorModel
import WatchfloorReport

struct StateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "state",
    abstract: "Print the state of the operation as of a time.",
    discussion: """
      SOURCE is a log file or a directory of daily *.jsonl logs, read in name order; several
      are read as one log. As of T means the lines before the first line whose ts is later
      than T.
      """
  )

  @Argument(help: "Log files or directories of *.jsonl files.")
  var sources: [String]

  @Option(
    help: ArgumentHelp(
      "The time to show the state as of (RFC 3339; default: the end of the log).",
      valueName: "T"))
  var at: String?

  @Flag(help: "Print the machine-readable JSON state of the spec.")
  var json = false

  func run() throws {
    let log = try LoadedLog(sources: sources)
    let timeline = log.timeline
    let state =
      try at.map { timeline.state(asOf: try parseTime($0, tables: timeline.tables)) }
      ?? timeline.current
    if json {
      standardOutput(state.json(timeline.tables))
    } else {
      standardOutput(StateSummary(state: state, tables: timeline.tables).text)
    }
  }
}
