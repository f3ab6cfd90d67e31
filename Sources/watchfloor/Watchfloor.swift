import ArgumentParser
import WatchfloorModel
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
    version: "watchfloor \(WatchfloorVersion.current)",
    subcommands: [
      DemoCommand.self, LiveCommand.self, ReplayCommand.self, ReportCommand.self,
      SimulateCommand.self, RenderCommand.self, StateCommand.self, ValidateCommand.self,
      ThemesCommand.self, ApproveCommand.self,
      DenyCommand.self, HoldCommand.self, CancelCommand.self, DivertCommand.self,
      AcknowledgeCommand.self, VerifyCommand.self, DatabaseCommand.self,
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
      // ArgumentParser's own `exit(withError:)` would print its message raw, and its messages
      // echo arguments (an unknown subcommand, a bad option value): write them through the
      // sanitising writers instead, to the same stream with the same status.
      let message = Watchfloor.fullMessage(for: error)
      let code = Watchfloor.exitCode(for: error)
      if code == .success {
        if !message.isEmpty { standardOutput(message) }
        Glibc.exit(code.rawValue)
      }
      if !message.isEmpty { standardError(message) }
      // Usage errors exit 2, like I/O errors, rather than ArgumentParser's 64.
      Glibc.exit(code == .validationFailure ? 2 : code.rawValue)
    }
  }
}

/// Writes a message and a final newline to standard error. Every line is sanitised
/// (``Sanitizer/sanitizeLines(_:)``): messages echo paths, ids, arguments and reasons.
func standardError(_ message: String) {
  let safe = Sanitizer.sanitizeLines(message)
  writeAll(2, safe.hasSuffix("\n") ? safe : safe + "\n")
}

/// Writes text and a final newline to standard output. Every line is sanitised
/// (``Sanitizer/sanitizeLines(_:)``), so no command's output carries a control, bidi or
/// format character to the terminal; JSON output has them escaped already and passes unchanged.
func standardOutput(_ text: String) {
  let safe = Sanitizer.sanitizeLines(text)
  writeAll(1, safe.hasSuffix("\n") ? safe : safe + "\n")
}

/// A sanitising buffer to standard output, for text written piece by piece: the same bytes
/// as ``standardOutput(_:)`` given the whole text, in bounded memory. End it with
/// ``OutputBuffer/finishLine()``, which adds the final newline when missing and flushes.
func standardOutputBuffer() -> OutputBuffer {
  OutputBuffer(descriptor: 1, sanitizing: true)
}

/// A JSON writer to standard output through a bounded buffer; ``JSONWriter/finish()``
/// adds the final newline and flushes. Not sanitised again: the writer escapes every
/// character the sanitiser would (``JSONWriter/appendQuoted(_:to:)``), so the bytes are those
/// ``standardOutput(_:)`` would write.
func standardOutputJSON() -> JSONWriter {
  JSONWriter(descriptor: 1)
}

/// Writes the console's screen rendered with ANSI colours, and a final newline, to standard
/// output unchanged: its escape sequences are the program's own, and the text between them
/// was sanitised when it was drawn on the canvas.
func standardOutput(ansiScreen screen: String) {
  writeAll(1, screen.hasSuffix("\n") ? screen : screen + "\n")
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
