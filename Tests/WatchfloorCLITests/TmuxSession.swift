import Foundation

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

  /// Runs tmux with posix_spawn and waitpid: Foundation's Process can miss a child's exit
  /// on the test runner's threads. Output goes through a temporary file.
  static func tmux(_ arguments: [String], socket: String?, collectOutput: Bool = true) throws
    -> (status: Int32, output: String)
  {
    let argv = ["tmux"] + (socket.map { ["-L", $0] } ?? []) + arguments
    let outputPath = FileManager.default.temporaryDirectory
      .appendingPathComponent("wf-tmux-\(UUID().uuidString)").path
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // tmux waits on a standard input it inherits; give it none.
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    let target = collectOutput ? outputPath : "/dev/null"
    posix_spawn_file_actions_addopen(&actions, 1, target, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    // The test runner's threads block signals; the console started in tmux must not inherit that.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var pid: pid_t = 0
    var cArguments = argv.map { strdup($0) } + [nil]
    defer { for pointer in cArguments { free(pointer) } }
    let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, &cArguments, environ)
    guard spawned == 0 else { throw TmuxError(message: "cannot run tmux: \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    let output =
      collectOutput ? (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" : ""
    return (exitStatus, output)
  }
}

struct TmuxError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
