import ArgumentParser
import WatchfloorConsole
import WatchfloorModel

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

  struct Problem {
    var file: String
    var line: Int
    var kind: String
    var reason: String
  }

  func run() throws {
    var problems: [Problem] = []
    var outOfOrder = 0
    let log = try LoadedLog(sources: sources) { verdict, source, line, timeline in
      let file = timeline.sourceNames[source]
      switch verdict {
      case .blank:
        break
      case .applied:
        if timeline.current.counts.outOfOrder > outOfOrder {
          outOfOrder = timeline.current.counts.outOfOrder
          problems.append(
            Problem(
              file: file, line: line, kind: "out-of-order",
              reason: "ts earlier than a line before it"))
        }
      case .anomaly(let anomaly):
        problems.append(
          Problem(file: file, line: line, kind: "anomaly", reason: anomaly.message(timeline.tables))
        )
      case .malformed(let reason):
        problems.append(Problem(file: file, line: line, kind: "malformed", reason: reason))
      case .duplicate:
        problems.append(
          Problem(file: file, line: line, kind: "duplicate", reason: "id seen before"))
      case .unknownType(let type):
        problems.append(
          Problem(file: file, line: line, kind: "unknown-type", reason: "unknown type \"\(type)\""))
      }
    }
    let counts = log.timeline.current.counts
    let valid = counts.malformed == 0 && counts.anomalies == 0
    if json {
      var out = JSONWriter()
      out.beginObject()
      out.bool("valid", valid)
      out.beginArray("files")
      for file in log.files { out.string(nil, file) }
      out.endArray()
      counts.write(to: &out)
      out.beginArray("problems")
      for problem in problems {
        out.beginObject()
        out.string("file", problem.file)
        out.integer("line", problem.line)
        out.string("kind", problem.kind)
        out.string("reason", problem.reason)
        out.endObject()
      }
      out.endArray()
      out.endObject()
      standardOutput(out.text)
    } else {
      var text = ""
      for problem in problems {
        // Reasons quote the log, which may hold escape sequences: keep them off the terminal.
        text +=
          "\(Sanitizer.sanitize(problem.file)):\(problem.line): \(problem.kind): "
          + "\(Sanitizer.sanitize(problem.reason))\n"
      }
      text +=
        "\(valid ? "valid" : "INVALID"): \(counts.events) events, \(counts.applied) applied, "
        + "\(counts.malformed) malformed, \(counts.anomalies) anomalies, "
        + "\(counts.duplicates) duplicates, \(counts.unknownType) unknown type, "
        + "\(counts.outOfOrder) out of order (\(log.files.count) file\(log.files.count == 1 ? "" : "s"))"
      standardOutput(text)
    }
    if !valid { throw ExitCode(1) }
  }
}
