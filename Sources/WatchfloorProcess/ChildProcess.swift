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
  /// `environment` is added to (and overrides) the caller's environment for the child.
  public static func run(
    _ arguments: [String], collectOutput: Bool = true, environment: [String: String] = [:]
  ) throws -> (status: Int32, output: String) {
    let outputPath = temporaryPath("out")
    defer { unlink(outputPath) }
    let status = try spawnAndWait(
      arguments, stdoutPath: collectOutput ? outputPath : "/dev/null", stderrPath: nil,
      environment: environment)
    let output =
      collectOutput ? (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" : ""
    return (status, output)
  }

  /// Like `run`, but keeps stdout and stderr apart: for a client whose stdout is data (psql)
  /// and whose stderr is diagnostics.
  public static func runSeparatingStreams(
    _ arguments: [String], environment: [String: String] = [:]
  ) throws -> (status: Int32, stdout: String, stderr: String) {
    let stdoutPath = temporaryPath("out")
    let stderrPath = temporaryPath("err")
    defer {
      unlink(stdoutPath)
      unlink(stderrPath)
    }
    let status = try spawnAndWait(
      arguments, stdoutPath: stdoutPath, stderrPath: stderrPath, environment: environment)
    let stdout = (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? ""
    let stderr = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
    return (status, stdout, stderr)
  }

  private static func temporaryPath(_ suffix: String) -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("watchfloor-child-\(UUID().uuidString).\(suffix)").path
  }

  /// Spawns the child with stdout to `stdoutPath` and stderr to `stderrPath` (or to stdout's
  /// file when nil), waits for it, and returns its exit status.
  private static func spawnAndWait(
    _ arguments: [String], stdoutPath: String, stderrPath: String?,
    environment: [String: String]
  ) throws -> Int32 {
    guard let program = arguments.first else { return 127 }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    if let stderrPath {
      posix_spawn_file_actions_addopen(
        &actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    } else {
      posix_spawn_file_actions_adddup2(&actions, 1, 2)
    }
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
    let spawned: Int32
    if environment.isEmpty {
      spawned = posix_spawnp(&pid, program, &actions, &attributes, &cArguments, environ)
    } else {
      // The caller's environment with `environment` laid over it.
      var merged = ProcessInfo.processInfo.environment
      merged.merge(environment) { _, new in new }
      var cEnvironment = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
      defer { for pointer in cEnvironment { free(pointer) } }
      spawned = posix_spawnp(&pid, program, &actions, &attributes, &cArguments, &cEnvironment)
    }
    guard spawned == 0 else {
      throw ChildProcessError(
        message: "cannot run \(program): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  }
}

public struct ChildProcessError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
