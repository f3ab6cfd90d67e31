import ArgumentParser
import Foundation
import WatchfloorLog
import WatchfloorModel

/// What every decision command shares: the log, the officer, and forcing past warnings.
struct DecisionOptions: ParsableArguments {
  @Option(help: "The log the decision is appended to: a file or a database URL.")
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

/// The scripting commands' decision: the log's decision path, as the roster's officer (a
/// file) or as the database role (a database, where the server writes `by`). Exit 0 written,
/// 1 refused (the reason on stderr), 2 usage or I/O errors.
func decide(_ order: DecisionOrder, options: DecisionOptions) throws {
  let time = Journal.now()
  let writer: any DecisionWriter
  let officer: String
  let context: PolicyContext
  let location: LogLocation
  do {
    location = try LogLocation.parse([options.log])
  } catch {
    throw databaseExit(error)
  }
  switch location {
  case .files:
    let identity = try resolveIdentity(roster: options.roster, operator: options.operator)
    officer = identity.name
    context = PolicyContext(
      operatorName: identity.name, role: identity.role, rosterIsOpen: identity.rosterIsOpen,
      now: time)
    writer = Journal(path: options.log)
  case .database(let url):
    // The server writes `by` from the role we log in as: no option may name another.
    if options.operator != nil {
      standardError(
        "watchfloor: --operator is refused on a database log: the server records the role "
          + "you connect as (\(url.user))")
      throw ExitCode(2)
    }
    if options.roster != nil {
      standardError(
        "watchfloor: --roster does not apply to a database log: its roles decide who may "
          + "decide (watchfloor db grant)")
      throw ExitCode(2)
    }
    let decisions: DatabaseDecisions
    do {
      decisions = try DatabaseDecisions(url: url)
    } catch {
      throw databaseExit(error)
    }
    if decisions.isStandby {
      standardError("watchfloor: refused: \(url) is a standby, read-only: decide on the primary")
      throw ExitCode(1)
    }
    officer = decisions.officer
    context = PolicyContext(operatorName: officer, role: .approver, rosterIsOpen: false, now: time)
    writer = decisions
  }
  let outcome: DecisionOutcome
  do {
    outcome = try writer.write(
      order, by: officer, at: time, context: context, acceptingWarnings: options.force)
  } catch let error as DatabaseError {
    throw databaseExit(error)
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
