import Foundation
import WatchfloorProcess

/// A tmux server of its own, running one command in a pane of a fixed size, for end-to-end
/// tests that look at the screen as a user does.
final class TmuxSession {
  let socket = "wf-test-\(UUID().uuidString.prefix(8))"
  let name = "console"

  /// Whether tmux can be run here; tests skip with this reason when it cannot.
  static let available: Bool = {
    (try? TmuxSession.tmux(["-V"], socket: nil, collectOutput: false).status) == 0
  }()

  init(command: String, width: Int = 100, height: Int = 30) throws {
    // The server this starts outlives the call: it must not inherit a pipe we wait on.
    let status = try Self.tmux(
      ["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command],
      socket: socket, collectOutput: false
    ).status
    guard status == 0 else { throw TmuxError(message: "tmux new-session failed (\(status))") }
  }

  deinit {
    _ = try? Self.tmux(["kill-server"], socket: socket, collectOutput: false)
  }

  /// The pane's text now.
  func screen() throws -> String {
    try Self.tmux(["capture-pane", "-p", "-t", name], socket: socket).output
  }

  func send(_ keys: String...) throws {
    _ = try Self.tmux(["send-keys", "-t", name] + keys, socket: socket)
  }

  func resize(width: Int, height: Int) throws {
    _ = try Self.tmux(
      ["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"], socket: socket)
  }

  /// Waits until the screen satisfies `condition`, up to `timeout` seconds; returns the last
  /// screen seen and whether the condition held.
  @discardableResult
  func waitFor(timeout: Double = 10, _ condition: (String) -> Bool) throws -> (String, Bool) {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if condition(last) { return (last, true) }
      usleep(50_000)
    }
    return (last, false)
  }

  /// Runs `watchfloor` with `arguments` (a shell command line) in a new tmux server, then
  /// prints how it ended (`EXITED=<status>`) and whether the terminal is sane again (`icanon
  /// echo` after a restore, `-icanon -echo` when the console left it raw). With `binaryPrefix`
  /// false, `arguments` is the whole command (to set the environment first, say).
  static func console(
    _ arguments: String, width: Int = 120, height: Int = 40, binaryPrefix: Bool = true
  ) throws -> TmuxSession {
    let command =
      (binaryPrefix ? "\(Watchfloor.binary.path) " : "") + "\(arguments); echo EXITED=$?; "
      + "stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo -e -icanon -e -echo | tr '\\n' ' '; "
      + "echo; sleep 60"
    return try TmuxSession(command: command, width: width, height: height)
  }

  static func tmux(_ arguments: [String], socket: String?, collectOutput: Bool = true) throws
    -> (status: Int32, output: String)
  {
    try ChildProcess.run(
      ["tmux"] + (socket.map { ["-L", $0] } ?? []) + arguments, collectOutput: collectOutput)
  }
}

struct TmuxError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
