import Foundation

/// Runs the built `watchfloor` binary and collects what it printed.
struct CommandResult {
  var status: Int32
  var output: String
  var errors: String
  /// The bytes behind `output` and `errors`, before decoding could hide an invalid byte.
  var outputBytes = Data()
  var errorBytes = Data()
}

enum Watchfloor {
  /// The package's root folder.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The binary built beside the test bundle.
  static var binary: URL {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // Swift Testing may run from inside the .xctest bundle.
    while directory.path.contains(".xctest") { directory = directory.deletingLastPathComponent() }
    return directory.appendingPathComponent("watchfloor")
  }

  /// Runs the binary with `arguments`; as the account `user` when given (through
  /// `runuser -u USER --`, which needs root), with `environment` set in the command itself
  /// (after runuser, which resets USER, LOGNAME and HOME).
  static func run(
    _ arguments: [String], environment: [String: String] = [:], as user: String? = nil
  ) throws -> CommandResult {
    guard let user else {
      return try runProgram(binary, arguments, environment: environment)
    }
    let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    return try runProgram(
      URL(fileURLWithPath: "/usr/sbin/runuser"),
      ["-u", user, "--", "/usr/bin/env"] + assignments + [try sharedBinary().path] + arguments)
  }

  /// Runs `program` with `arguments` (and `environment` added to this process's) from the
  /// package's root; collects what it printed.
  static func runProgram(
    _ program: URL, _ arguments: [String], environment: [String: String] = [:]
  ) throws -> CommandResult {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    process.currentDirectoryURL = packageRoot
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read both pipes to the end before waiting, so a large output cannot block the child.
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
      errors: String(decoding: errData, as: UTF8.self), outputBytes: outData, errorBytes: errData)
  }

  /// A copy of the binary that every account can run: the build folder may sit below a
  /// directory only its owner can enter. Made once per test run, in place of the last run's.
  static func sharedBinary() throws -> URL {
    try sharedCopy.get()
  }

  private static let sharedCopy = Result { () throws -> URL in
    let directory = URL(fileURLWithPath: "/tmp/watchfloor-cli-shared")
    let copy = directory.appendingPathComponent("watchfloor")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
    let staged = directory.appendingPathComponent("watchfloor.\(getpid())")
    try? FileManager.default.removeItem(at: staged)
    // Written through a close-on-exec descriptor: a process another test forks meanwhile must
    // not inherit it open for writing, or running the copy fails with "text file busy".
    let bytes = try Data(contentsOf: binary)
    let descriptor = open(staged.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    guard written == bytes.count, chmod(staged.path, 0o755) == 0,
      rename(staged.path, copy.path) == 0
    else { throw CocoaError(.fileWriteUnknown) }
    return copy
  }

  static func golden(_ name: String) throws -> String {
    let url = packageRoot.appendingPathComponent("Tests/WatchfloorCLITests/Golden/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
  }
}

/// The three days of the bundled scenario as one log in a fresh directory, writable by every
/// account (for tests that decide as other accounts).
func sampleLog() throws -> URL {
  let log = try temporaryDirectory().appendingPathComponent("ops.jsonl")
  var text = ""
  for day in ["2026-01-21", "2026-01-22", "2026-01-23"] {
    text += try String(
      contentsOf: Watchfloor.packageRoot.appendingPathComponent("samples/\(day).jsonl"),
      encoding: .utf8)
  }
  try Data(text.utf8).write(to: log)
  try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: log.path)
  return log
}

/// Appends `line` and its line break to the log, as a feed would.
func append(_ line: String, to log: URL) throws {
  let handle = try FileHandle(forWritingTo: log)
  try handle.seekToEnd()
  try handle.write(contentsOf: Data((line + "\n").utf8))
  try handle.close()
}

/// A fresh temporary directory for one test.
func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("watchfloor-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  // Other accounts (tests that decide as them) read and write in it, whatever the umask.
  try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: url.path)
  return url
}
