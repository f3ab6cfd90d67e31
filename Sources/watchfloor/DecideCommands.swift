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
      "The officer deciding, in open-roster mode only (default: the account running the command)."
  )
  var `operator`: String?

  @Option(
    help: ArgumentHelp(
      "The roster of approvers and viewers (refused when /etc/watchfloor/roster.toml exists; default: roster.toml in the config directory; none: open roster).",
      valueName: "FILE"))
  var roster: String?

  @Flag(help: "Write the decision even when the policy warns (it never overrides a block).")
  var force = false
}

/// The scripting commands' decision: the journal's decision path with the officer from the
/// roster. Exit 0 written, 1 refused (the reason on stderr), 2 usage or I/O errors.
func decide(_ order: DecisionOrder, options: DecisionOptions) throws {
  let identity = try resolveIdentity(roster: options.roster, operator: options.operator)
  let time = Journal.now()
  let context = PolicyContext(
    operatorName: identity.name, role: identity.role, rosterIsOpen: identity.rosterIsOpen,
    now: time)
  let outcome: DecisionOutcome
  do {
    outcome = try Journal(path: options.log).write(
      order, by: identity.name, at: time, context: context, acceptingWarnings: options.force)
  } catch {
    standardError("watchfloor: \(error)")
    throw ExitCode(2)
  }
  switch outcome {
  case .refused(let reason):
    standardError("watchfloor: refused: \(reason)")
    throw ExitCode(1)
  case .written(let receipt, let warnings):
    for warning in warnings { standardError("watchfloor: warning: \(warning)") }
    standardOutput("written: line \(receipt.lineNumber) of \(options.log): \(receipt.line)")
  }
}

struct ApproveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "approve", abstract: "Approve an airlift (a high-value one needs two officers).")
  @Argument(help: "The airlift id.") var airlift: String
  @OptionGroup var options: DecisionOptions

  func run() throws {
    try decide(DecisionOrder(kind: .approve, subjectID: airlift), options: options)
  }
}

struct DenyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deny", abstract: "Deny an airlift, with a reason.")
  @Argument(help: "The airlift id.") var airlift: String
  @Option(help: "Why (required).") var reason: String = ""
  @OptionGroup var options: DecisionOptions

  func run() throws {
    try decide(DecisionOrder(kind: .deny, subjectID: airlift, reason: reason), options: options)
  }
}

struct HoldCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hold", abstract: "Hold an airlift, with a reason (clears a first approval).")
  @Argument(help: "The airlift id.") var airlift: String
  @Option(help: "Why (required).") var reason: String = ""
  @OptionGroup var options: DecisionOptions

  func run() throws {
    try decide(DecisionOrder(kind: .hold, subjectID: airlift, reason: reason), options: options)
  }
}

struct AcknowledgeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ack", abstract: "Acknowledge an open incident.")
  @Argument(help: "The incident id.") var incident: String
  @OptionGroup var options: DecisionOptions

  func run() throws {
    try decide(DecisionOrder(kind: .acknowledge, subjectID: incident), options: options)
  }
}

struct CancelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cancel",
    abstract: "Cancel an airlift that has not departed, with a reason (final).")
  @Argument(help: "The airlift id.") var airlift: String
  @Option(help: "Why (required).") var reason: String = ""
  @OptionGroup var options: DecisionOptions

  func run() throws {
    try decide(DecisionOrder(kind: .cancel, subjectID: airlift, reason: reason), options: options)
  }
}

struct DivertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "divert",
    abstract: "Send an approved or in-flight airlift to another facility.")
  @Argument(help: "The airlift id.") var airlift: String
  @Option(help: ArgumentHelp("The new destination (a facility id).", valueName: "FACILITY"))
  var to: String
  @Option(help: "Why (optional).") var reason: String = ""
  @OptionGroup var options: DecisionOptions

  func run() throws {
    try decide(
      DecisionOrder(kind: .divert, subjectID: airlift, reason: reason, destinationID: to),
      options: options)
  }
}
