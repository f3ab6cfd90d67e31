import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program to completion with posix_spawn and waitpid, for tests and benchmarks that
/// drive tmux.
///
/// Foundation's `Process` is not used: it can miss a child's exit on a test runner's threads,
/// and a pipe to a child that starts a daemon (tmux's server) never reaches end of file. Here
/// the child gets /dev/null as input, its output goes through a temporary file, and it starts
/// with no signal blocked, whatever the calling thread blocks.
public enum ChildProcess {
  /// Runs `arguments` (the first is looked up in PATH); returns the exit status (128 + the
  /// signal for a killed child) and, when asked for, what it printed on stdout and stderr.
  public static func run(_ arguments: [String], collectOutput: Bool = true) throws
    -> (status: Int32, output: String)
  {
    guard let program = arguments.first else { return (127, "") }
    let outputPath = FileManager.default.temporaryDirectory
      .appendingPathComponent("watchfloor-child-\(UUID().uuidString)").path
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    let target = collectOutput ? outputPath : "/dev/null"
    posix_spawn_file_actions_addopen(&actions, 1, target, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var cArguments = arguments.map { strdup($0) } + [nil]
    defer { for pointer in cArguments { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, program, &actions, &attributes, &cArguments, environ)
    guard spawned == 0 else {
      throw ChildProcessError(
        message: "cannot run \(program): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    let output =
      collectOutput ? (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" : ""
    return (exitStatus, output)
  }
}

public struct ChildProcessError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
