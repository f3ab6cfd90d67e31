import WatchfloorModel

/// What `watchfloor validate` says of a log: every problem line with its file, line number and
/// reason, and the line counts. Built line by line as the log is read (``record(_:file:line:timeline:)``),
/// because the timeline keeps no reasons for the lines it skips.
///
/// Valid means no malformed line and no anomaly; duplicates, unknown types and out-of-order
/// lines are listed and counted but do not make a log invalid.
public struct ValidationReport: Sendable {
  /// One line that is not simply applied.
  public struct Problem: Sendable, Equatable {
    public var file: String
    public var line: Int
    /// `malformed`, `anomaly`, `duplicate`, `unknown-type` or `out-of-order`.
    public var kind: String
    public var reason: String

    public init(file: String, line: Int, kind: String, reason: String) {
      self.file = file
      self.line = line
      self.kind = kind
      self.reason = reason
    }
  }

  public private(set) var problems: [Problem] = []
  /// The files read, in order; set once reading is done.
  public var files: [String] = []
  /// The line counts of the whole log; set once reading is done.
  public var counts = LineCounts()
  /// Out-of-order lines seen so far: the fold counts them, so a rise marks the line.
  private var outOfOrderSeen = 0

  public init() {}

  /// Whether the log has no malformed line and no anomaly.
  public var isValid: Bool { counts.malformed == 0 && counts.anomalies == 0 }

  /// Notes the verdict on line `line` of `file`, just folded into `timeline`.
  /// `file` is looked up only for a line with a problem: most lines have none.
  public mutating func record(
    _ verdict: LineVerdict, file: @autoclosure () -> String, line: Int, timeline: Timeline
  ) {
    switch verdict {
    case .blank:
      break
    case .applied:
      let outOfOrder = timeline.counts.outOfOrder
      if outOfOrder > outOfOrderSeen {
        outOfOrderSeen = outOfOrder
        problems.append(
          Problem(
            file: file(), line: line, kind: "out-of-order",
            reason: "ts earlier than a line before it"))
      }
    case .anomaly(let anomaly):
      problems.append(
        Problem(file: file(), line: line, kind: "anomaly", reason: anomaly.message(timeline.tables))
      )
    case .malformed(let reason):
      problems.append(Problem(file: file(), line: line, kind: "malformed", reason: reason))
    case .duplicate:
      problems.append(
        Problem(file: file(), line: line, kind: "duplicate", reason: "id seen before"))
    case .unknownType(let type):
      problems.append(
        Problem(file: file(), line: line, kind: "unknown-type", reason: "unknown type \"\(type)\""))
    }
  }

  /// `FILE:LINE: KIND: REASON` for every problem, then the verdict and the counts:
  /// `valid: 157 events, 157 applied, … (3 files)` (the count of sources only when there are
  /// several). File names and reasons are sanitised.
  public var text: String {
    var out = OutputBuffer()
    writeText(to: &out)
    return out.text
  }

  /// Writes ``text`` to `out` line by line: a buffer to a descriptor holds at most its
  /// capacity, however many problems there are.
  public func writeText(to out: inout OutputBuffer) {
    for problem in problems {
      // Reasons quote the log, which may hold escape sequences: keep them off the terminal.
      out.write(
        "\(Sanitizer.sanitize(problem.file)):\(problem.line): \(problem.kind): "
          + "\(Sanitizer.sanitize(problem.reason))\n")
    }
    out.write(
      "\(isValid ? "valid" : "INVALID"): \(counted(counts.events, "event", "events")), "
        + "\(counts.applied) applied, \(counts.malformed) malformed, "
        + "\(counted(counts.anomalies, "anomaly", "anomalies")), "
        + "\(counted(counts.duplicates, "duplicate", "duplicates")), \(counts.unknownType) unknown type, "
        + "\(counts.outOfOrder) out of order"
        + (files.count > 1 ? " (\(files.count) files)" : ""))
  }

  /// One JSON object: `valid`, `files`, `counts` and `problems` (each `file`, `line`, `kind`,
  /// `reason`).
  public var json: String {
    var out = JSONWriter()
    writeJSON(to: &out)
    return out.text
  }

  /// Writes ``json`` to `out` problem by problem, from the stored list.
  public func writeJSON(to out: inout JSONWriter) {
    out.beginObject()
    out.bool("valid", isValid)
    out.beginArray("files")
    for file in files { out.string(nil, file) }
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
  }
}
