import ArgumentParser
import WatchfloorLog

struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Recompute the hash chain of the decisions in a log.",
    discussion: """
      Every decision Watchfloor writes ends in a "chain" member: the SHA-256 of the previous
      decision's chain value and every byte of the log since that decision, up to and including
      this line. An earlier line edited, inserted or removed breaks the first decision after
      it. Exit 0 when every chain is intact, 1 naming the first decision line that does not
      match, 2 when a source cannot be read. Each file is a chain of its own (in a database
      log, each imported file's lines too).
      """)

  @Argument(help: "Log files, directories of daily logs, or a database URL.")
  var sources: [String]

  func run() throws {
    let ledger: ChainLedger
    do {
      ledger = try LogLocation.parse(sources).open().verifyChain()
    } catch {
      standardError("watchfloor: \(error)")
      throw ExitCode(2)
    }
    for file in ledger.files {
      standardOutput(Self.summary(file, named: ledger.files.count > 1))
    }
    if !ledger.isIntact { throw ExitCode(1) }
  }

  /// One line for one file: intact with its last link, or where it breaks.
  static func summary(_ file: ChainLedger.FileChain, named: Bool) -> String {
    let prefix = named ? "\(file.path): " : ""
    if let broken = file.firstBrokenLine {
      return prefix
        + "chain broken at line \(broken) of \(file.path): the decision there does not match "
        + "the log before it (a line up to it was edited, inserted or removed); "
        + "\(file.intactLinks) of \(file.links) \(file.links == 1 ? "decision" : "decisions") match"
    }
    guard let last = file.lastLinkLine, let value = file.lastLink else {
      return prefix + "no chained decisions (\(file.path) has no decision written with a chain)"
    }
    var text =
      prefix
      + "chain intact: \(file.links) \(file.links == 1 ? "decision" : "decisions"), "
      + "last at line \(last) (chain \(value))"
    if file.linesAfterLastLink > 0 {
      text +=
        "; \(file.linesAfterLastLink) \(file.linesAfterLastLink == 1 ? "line" : "lines") after it "
        + "not covered yet"
    }
    return text
  }
}
