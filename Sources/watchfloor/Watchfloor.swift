import ArgumentParser
import WatchfloorTerminal

#if canImport(Glibc)
  import Glibc
#endif

/// The `watchfloor` command: the console and its scripting subcommands.
struct Watchfloor: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watchfloor",
    abstract: "A terminal operations console for the detainee airlift.",
    discussion: """
      The log is JSON Lines, one event a line (see shared/spec/events.md in the project).
      Exit codes: 0 success, 1 refused or problems found, 2 usage or I/O errors.
      """,
    subcommands: [
      DemoCommand.self, LiveCommand.self, ReplayCommand.self, ReportCommand.self,
      SimulateCommand.self, RenderCommand.self, StateCommand.self, ValidateCommand.self,
      ThemesCommand.self, ApproveCommand.self,
      DenyCommand.self, HoldCommand.self, AcknowledgeCommand.self,
    ],
    defaultSubcommand: DemoCommand.self
  )
}

@main
enum Main {
  static func main() {
    // For every command: a crash writes a report file and exits 128 + signal, rather than
    // the Swift runtime's backtracer prompting on the officer's terminal.
    CrashGuard.install()
    do {
      var command = try Watchfloor.parseAsRoot()
      try command.run()
    } catch let exit as ExitCode {
      Glibc.exit(exit.rawValue)
    } catch {
      // Usage errors exit 2, like I/O errors, rather than ArgumentParser's 64.
      if Watchfloor.exitCode(for: error) == .validationFailure {
        standardError(Watchfloor.fullMessage(for: error))
        Glibc.exit(2)
      }
      Watchfloor.exit(withError: error)
    }
  }
}

/// Writes a line to standard error.
func standardError(_ message: String) {
  writeAll(2, message.hasSuffix("\n") ? message : message + "\n")
}

/// Writes text and a final newline to standard output.
func standardOutput(_ text: String) {
  writeAll(1, text.hasSuffix("\n") ? text : text + "\n")
}

/// Writes all of `text` to a descriptor, retrying short writes and EINTR.
private func writeAll(_ descriptor: Int32, _ text: String) {
  var text = text
  text.withUTF8 { bytes in
    var offset = 0
    while offset < bytes.count {
      let written = write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }
}
