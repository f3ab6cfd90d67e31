import ArgumentParser
import Foundation
import WatchfloorLog
import WatchfloorModel

/// What every decision command shares: the log, the officer, and forcing past warnings.
struct DecisionOptions: ParsableArguments {
  @Option(help: "The log the decision is appended to.")
  var log: String

  @Option(
    help:
      "The officer deciding (default: the OS account). There is no roster yet: every named officer may decide."
  )
  var `operator`: String?

  @Option(
    help: ArgumentHelp(
      "The roster of approvers and viewers (default: roster.toml in the config directory; none: open roster).",
      valueName: "FILE"))
  var roster: String?

  @Flag(help: "Write the decision even when the policy warns (it never overrides a block).")
  var force = false
}

/// The decision path of the scripting commands: under the log's lock, read what is new,
/// check the decision against the fresh state with the approval policy, append it as one
/// line, fdatasync, and only then report it written. Exit 0 written, 1 refused (the reason
/// on stderr), 2 usage or I/O errors.
func decide(
  _ subject: String, options: DecisionOptions, incident: Bool = false,
  _ make: (Symbol) -> (decision: Decision, type: String, fields: [(String, String)])
) throws {
  let identity = try resolveIdentity(roster: options.roster, operator: options.operator)
  let journal = Journal(path: options.log)
  var refusal: String?
  var warnings: [String] = []
  let receipt: JournalReceipt?
  do {
    receipt = try journal.append { timeline in
      let tables = timeline.tables
      let table = incident ? tables.incidents : tables.airlifts
      guard let symbol = table.lookup(subject) else {
        refusal = "unknown \(incident ? "incident" : "airlift") \"\(subject)\""
        return nil
      }
      let proposal = make(symbol)
      let context = PolicyContext(
        operatorName: identity.name, role: identity.role, rosterIsOpen: identity.open,
        now: Journal.now())
      let verdict = evaluate(
        proposal.decision, state: timeline.current, tables: tables, context: context)
      guard verdict.isAllowed else {
        refusal = verdict.blocks.map { $0.message(tables) }.joined(separator: "; ")
        return nil
      }
      warnings = verdict.warnings.map { $0.message(tables) }
      if !warnings.isEmpty && !options.force {
        refusal = "warnings (write it anyway with --force): " + warnings.joined(separator: "; ")
        return nil
      }
      return Journal.decisionLine(
        type: proposal.type, fields: proposal.fields, by: identity.name,
        ts: Journal.now(), id: Journal.makeEventID())
    }
  } catch {
    standardError("watchfloor: \(error)")
    throw ExitCode(2)
  }
  guard let receipt else {
    standardError("watchfloor: refused: \(refusal ?? "the decision no longer applies")")
    throw ExitCode(1)
  }
  for warning in warnings { standardError("watchfloor: warning: \(warning)") }
  standardOutput("written: line \(receipt.lineNumber) of \(options.log): \(receipt.line)")
}

struct ApproveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "approve", abstract: "Approve an airlift (a high-value one needs two officers).")
  @Argument(help: "The airlift id.") var airlift: String
  @OptionGroup var options: DecisionOptions

  func run() throws {
    try decide(airlift, options: options) { symbol in
      (.approve(airlift: symbol), "airlift.approved", [("airlift", airlift)])
    }
  }
}

struct DenyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deny", abstract: "Deny an airlift, with a reason.")
  @Argument(help: "The airlift id.") var airlift: String
  @Option(help: "Why (required).") var reason: String = ""
  @OptionGroup var options: DecisionOptions

  func run() throws {
    try decide(airlift, options: options) { symbol in
      (
        .deny(airlift: symbol, reason: reason), "airlift.denied",
        [("airlift", airlift), ("reason", reason)]
      )
    }
  }
}

struct HoldCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hold", abstract: "Hold an airlift, with a reason (clears a first approval).")
  @Argument(help: "The airlift id.") var airlift: String
  @Option(help: "Why (required).") var reason: String = ""
  @OptionGroup var options: DecisionOptions

  func run() throws {
    try decide(airlift, options: options) { symbol in
      (
        .hold(airlift: symbol, reason: reason), "airlift.held",
        [("airlift", airlift), ("reason", reason)]
      )
    }
  }
}

struct AcknowledgeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ack", abstract: "Acknowledge an open incident.")
  @Argument(help: "The incident id.") var incident: String
  @OptionGroup var options: DecisionOptions

  func run() throws {
    try decide(incident, options: options, incident: true) { symbol in
      (.acknowledge(incident: symbol), "incident.acknowledged", [("incident", incident)])
    }
  }
}

/// The OS account running the command.
func defaultOperatorName() -> String {
  ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"]
    ?? "officer"
}
