import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A private PostgreSQL 15 cluster that a test or a benchmark starts for itself: a fresh data
/// directory under /tmp, a free loopback port, a socket directory of its own, and a bootstrap
/// superuser (`watchfloor_admin`) with a random password.
///
/// Callers should call `stop()` when done (a `defer` right after `start()`). As a safety net,
/// every running cluster is also stopped from an `atexit` handler, so a cluster does not outlive
/// a process that exits normally; a process killed by a signal leaves it behind.
///
/// When the process runs as root, the server programs run as `nobody` (initdb and postgres
/// refuse root): the temporary directory is handed to `nobody`, and the socket directory is
/// world-searchable so that psql run as root (or anyone) reaches the socket.
///
/// `@unchecked Sendable`: the only mutable state (`isStopped`) is guarded by `lock`; every
/// other stored property is an immutable `let`.
public final class PrivateCluster: @unchecked Sendable {
  public let port: Int
  public let socketDirectory: String
  public let superuser: String
  public let superuserPassword: String
  /// The directory of the PostgreSQL programs in use (psql, pg_ctl, …).
  public let binDirectory: String

  private let baseDirectory: String
  private let runsAsNobody: Bool
  /// Whether commits are synced to disk (`fsync`); off for tests, on for benchmarks.
  private let durable: Bool
  private var dataDirectory: String { "\(baseDirectory)/data" }
  private var logFile: String { "\(baseDirectory)/server.log" }
  private let lock = NSLock()
  private var isStopped = false

  private init(
    port: Int, socketDirectory: String, superuser: String, superuserPassword: String,
    binDirectory: String, baseDirectory: String, runsAsNobody: Bool, durable: Bool
  ) {
    self.port = port
    self.socketDirectory = socketDirectory
    self.superuser = superuser
    self.superuserPassword = superuserPassword
    self.binDirectory = binDirectory
    self.baseDirectory = baseDirectory
    self.runsAsNobody = runsAsNobody
    self.durable = durable
  }

  /// Creates and starts a new cluster; throws with initdb's output or the server log's tail
  /// when that fails, after removing what it created.
  /// - Parameter durable: sync commits to disk as a production server does (for benchmarks
  ///   of commits); tests skip it for speed.
  public static func start(durable: Bool = false) throws -> PrivateCluster {
    let binDirectory = try findBinDirectory()
    let runsAsNobody = geteuid() == 0
    let baseDirectory = try makeTemporaryDirectory()
    let password: String
    do {
      password = try initialize(
        baseDirectory: baseDirectory, binDirectory: binDirectory, runsAsNobody: runsAsNobody)
    } catch {
      try? FileManager.default.removeItem(atPath: baseDirectory)
      throw error
    }
    // The port is only chosen now: another process can take it between the probe and the
    // server's bind, in which case the next attempt picks another.
    for attempt in 1...5 {
      let cluster = PrivateCluster(
        port: try freeLoopbackPort(), socketDirectory: "\(baseDirectory)/socket",
        superuser: superuserName, superuserPassword: password, binDirectory: binDirectory,
        baseDirectory: baseDirectory, runsAsNobody: runsAsNobody, durable: durable)
      // Registered before starting, so that even a half-started server is stopped at exit.
      clusterRegistry.register(cluster)
      let result = try runServerProgram(
        cluster.pgCtl([
          "start", "-w", "-t", "30", "-l", cluster.logFile, "-o", cluster.serverOptions,
        ]),
        asNobody: runsAsNobody)
      if result.status == 0 { return cluster }
      let tail = cluster.logTail()
      let portTaken =
        tail.contains("Address already in use") || tail.contains("could not bind IPv4")
      guard portTaken, attempt < 5 else {
        cluster.stop()
        throw PrivateClusterError(
          message: "pg_ctl start failed on port \(cluster.port): \(result.output)\n\(tail)")
      }
      // Nothing runs; the directory stays for the next attempt.
      cluster.lock.withLock { cluster.isStopped = true }
      clusterRegistry.deregister(cluster)
    }
    // Not reached: the last attempt returns or throws.
    throw PrivateClusterError(message: "pg_ctl start failed")
  }

  /// A streaming-replication standby of this cluster (`pg_basebackup -R` over the private
  /// socket), started on a port of its own: it reads what the primary writes and refuses
  /// writes. Stop it like any cluster.
  public func startStandby() throws -> PrivateCluster {
    let baseDirectory = try Self.makeTemporaryDirectory()
    let socketDirectory = "\(baseDirectory)/socket"
    do {
      try FileManager.default.createDirectory(
        atPath: socketDirectory, withIntermediateDirectories: false,
        attributes: [.posixPermissions: 0o755])
      chmod(baseDirectory, 0o711)
      if runsAsNobody {
        for path in [baseDirectory, socketDirectory] { try Self.changeOwnerToNobody(path) }
      }
      let backup = try Self.runServerProgram(
        [
          "\(binDirectory)/pg_basebackup", "-D", "\(baseDirectory)/data", "-h",
          self.socketDirectory, "-p", String(port), "-U", superuser, "-R", "-X", "stream",
          "--checkpoint=fast",
          "--no-sync",
        ], asNobody: runsAsNobody)
      guard backup.status == 0 else {
        throw PrivateClusterError(message: "pg_basebackup failed: \(backup.output)")
      }
    } catch {
      try? FileManager.default.removeItem(atPath: baseDirectory)
      throw error
    }
    let standby = PrivateCluster(
      port: try Self.freeLoopbackPort(), socketDirectory: socketDirectory, superuser: superuser,
      superuserPassword: superuserPassword, binDirectory: binDirectory,
      baseDirectory: baseDirectory, runsAsNobody: runsAsNobody, durable: durable)
    clusterRegistry.register(standby)
    let result = try Self.runServerProgram(
      standby.pgCtl([
        "start", "-w", "-t", "30", "-l", standby.logFile, "-o", standby.serverOptions,
      ]),
      asNobody: runsAsNobody)
    guard result.status == 0 else {
      let tail = standby.logTail()
      standby.stop()
      throw PrivateClusterError(message: "the standby did not start: \(result.output)\n\(tail)")
    }
    return standby
  }

  /// Stops the server (fast shutdown, or immediate if that fails) and removes the temporary
  /// directory. Safe to call more than once and from any thread.
  public func stop() {
    let alreadyStopped = lock.withLock {
      let was = isStopped
      isStopped = true
      return was
    }
    guard !alreadyStopped else { return }
    if FileManager.default.fileExists(atPath: "\(dataDirectory)/postmaster.pid") {
      let fast = try? Self.runServerProgram(
        pgCtl(["stop", "-m", "fast", "-w", "-t", "30"]), asNobody: runsAsNobody)
      if fast?.status != 0 {
        _ = try? Self.runServerProgram(
          pgCtl(["stop", "-m", "immediate", "-w", "-t", "30"]), asNobody: runsAsNobody)
      }
    }
    try? FileManager.default.removeItem(atPath: baseDirectory)
    clusterRegistry.deregister(self)
  }

  /// Restarts the server (fast shutdown) on the same port and socket directory.
  public func restart() throws {
    let result = try Self.runServerProgram(
      pgCtl(["restart", "-m", "fast", "-w", "-t", "30", "-l", logFile, "-o", serverOptions]),
      asNobody: runsAsNobody)
    guard result.status == 0 else {
      throw PrivateClusterError(
        message: "pg_ctl restart failed: \(result.output)\n\(logTail())")
    }
  }

  /// Stops the server (its data kept), runs `whileDown`, and starts it again on the same
  /// port, even when `whileDown` throws: a server that goes away under its clients.
  public func restart(whileDown: () throws -> Void) throws {
    let stopped = try Self.runServerProgram(
      pgCtl(["stop", "-m", "fast", "-w", "-t", "30"]), asNobody: runsAsNobody)
    guard stopped.status == 0 else {
      throw PrivateClusterError(message: "pg_ctl stop failed: \(stopped.output)\n\(logTail())")
    }
    var failure: (any Error)?
    do {
      try whileDown()
    } catch {
      failure = error
    }
    let started = try Self.runServerProgram(
      pgCtl(["start", "-w", "-t", "30", "-l", logFile, "-o", serverOptions]),
      asNobody: runsAsNobody)
    guard started.status == 0 else {
      throw PrivateClusterError(message: "pg_ctl start failed: \(started.output)\n\(logTail())")
    }
    if let failure { throw failure }
  }

  /// A connection URL over TCP on the loopback address, without a password.
  public func url(user: String, database: String) -> String {
    "postgres://\(user)@127.0.0.1:\(port)/\(database)"
  }

  /// Runs `sql` with psql over the private socket (trust authentication) as `user` (the
  /// bootstrap superuser by default); returns stdout with its trailing newlines removed, and
  /// throws with stderr if psql fails (ON_ERROR_STOP makes any SQL error a failure).
  @discardableResult
  public func psql(_ sql: String, user: String? = nil, database: String = "postgres") throws
    -> String
  {
    let result = try ChildProcess.runSeparatingStreams(
      [
        "\(binDirectory)/psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
        "-h", socketDirectory, "-p", String(port), "-U", user ?? superuser, "-d", database,
        "-c", sql,
      ],
      // psql reads these; the caller's values must not pick another server or identity.
      environment: ["PGHOST": socketDirectory, "PGPORT": String(port), "PGOPTIONS": ""])
    guard result.status == 0 else {
      throw PrivateClusterError(
        message: "psql failed (status \(result.status)): \(result.stderr)")
    }
    var output = Substring(result.stdout)
    while output.last == "\n" { output = output.dropLast() }
    return String(output)
  }

  // MARK: - Setting up

  private static let superuserName = "watchfloor_admin"

  private static func findBinDirectory() throws -> String {
    var candidates = ["/usr/lib/postgresql/15/bin"]
    if let fromConfig = try? ChildProcess.runSeparatingStreams(["pg_config", "--bindir"]),
      fromConfig.status == 0
    {
      candidates.append(fromConfig.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    candidates += path.split(separator: ":").map(String.init)
    let programs = ["initdb", "pg_ctl", "postgres", "psql"]
    for directory in candidates where !directory.isEmpty {
      if programs.allSatisfy({ access("\(directory)/\($0)", X_OK) == 0 }) { return directory }
    }
    throw PrivateClusterError(
      message: "PostgreSQL server binaries not found: install the Debian package postgresql")
  }

  private static func makeTemporaryDirectory() throws -> String {
    var template = Array("/tmp/watchfloor-pg-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
      guard let base = buffer.baseAddress else { return false }
      return mkdtemp(base) != nil
    }
    guard made else {
      throw PrivateClusterError(
        message: "cannot create a temporary directory: \(String(cString: strerror(errno)))")
    }
    return template.withUnsafeBufferPointer { buffer in
      String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
  }

  /// Runs initdb and writes pg_hba.conf; returns the superuser's password.
  private static func initialize(
    baseDirectory: String, binDirectory: String, runsAsNobody: Bool
  ) throws -> String {
    let socketDirectory = "\(baseDirectory)/socket"
    let dataDirectory = "\(baseDirectory)/data"
    let passwordFile = "\(baseDirectory)/password"
    // 0711 on the base and 0755 on the socket directory: whoever runs psql (root, or the
    // owner) reaches the socket, which postgres creates with mode 0777.
    try FileManager.default.createDirectory(
      atPath: socketDirectory, withIntermediateDirectories: false,
      attributes: [.posixPermissions: 0o755])
    let password = randomHex(bytes: 16)
    try writePrivateFile(passwordFile, contents: password + "\n")
    chmod(baseDirectory, 0o711)
    if runsAsNobody {
      // Everything the server writes lives under the base directory, so `nobody` owns it.
      for path in [baseDirectory, socketDirectory, passwordFile] {
        try changeOwnerToNobody(path)
      }
    }
    let common = [
      "\(binDirectory)/initdb", "-D", dataDirectory, "--auth-local=trust",
      "--auth-host=scram-sha-256", "-U", superuserName, "--pwfile", passwordFile,
      "--encoding=UTF8", "--no-sync",
    ]
    var result = try runServerProgram(common + ["--locale=C.UTF-8"], asNobody: runsAsNobody)
    if result.status != 0 {
      // C.UTF-8 is not on every system; initdb removes the data directory it made on failure.
      try? FileManager.default.removeItem(atPath: dataDirectory)
      let retry = try runServerProgram(common + ["--locale=C"], asNobody: runsAsNobody)
      if retry.status != 0 {
        result.output += "\n--- with --locale=C ---\n" + retry.output
        throw PrivateClusterError(message: "initdb failed: \(result.output)")
      }
    }
    unlink(passwordFile)

    // Exactly these rules, instead of initdb's defaults: replication only over the private
    // socket, for a standby this process starts (`startStandby`).
    let hba = """
      local all all trust
      local replication all trust
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256

      """
    let hbaPath = "\(dataDirectory)/pg_hba.conf"
    try writePrivateFile(hbaPath, contents: hba)
    if runsAsNobody { try changeOwnerToNobody(hbaPath) }
    return password
  }

  private var serverOptions: String {
    [
      "-c listen_addresses=127.0.0.1", "-c port=\(port)",
      "-c unix_socket_directories='\(socketDirectory)'", "-c fsync=\(durable ? "on" : "off")",
      "-c max_connections=200", "-c shared_buffers=128MB",
    ].joined(separator: " ")
  }

  private func pgCtl(_ arguments: [String]) -> [String] {
    ["\(binDirectory)/pg_ctl", "-D", dataDirectory] + arguments
  }

  /// Runs a server program, as `nobody` when this process is root.
  private static func runServerProgram(_ arguments: [String], asNobody: Bool) throws
    -> (status: Int32, output: String)
  {
    let command = asNobody ? ["runuser", "-u", "nobody", "--"] + arguments : arguments
    // LC_ALL=C keeps the programs' messages in English: the port check reads them.
    return try ChildProcess.run(command, environment: ["LC_ALL": "C"])
  }

  private func logTail(lines: Int = 30) -> String {
    guard let log = try? String(contentsOfFile: logFile, encoding: .utf8) else {
      return "(no server log)"
    }
    let tail = log.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines)
    return "server log (last \(lines) lines):\n" + tail.joined(separator: "\n")
  }

  private static func randomHex(bytes: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<bytes).map { _ in
      let byte = UInt8.random(in: 0...255, using: &generator)
      let digits = String(byte, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }.joined()
  }

  private static func writePrivateFile(_ path: String, contents: String) throws {
    guard
      FileManager.default.createFile(
        atPath: path, contents: Data(contents.utf8), attributes: [.posixPermissions: 0o600])
    else {
      throw PrivateClusterError(message: "cannot write \(path)")
    }
  }

  private static func changeOwnerToNobody(_ path: String) throws {
    guard let entry = getpwnam("nobody") else {
      throw PrivateClusterError(message: "running as root, but there is no user nobody")
    }
    guard chown(path, entry.pointee.pw_uid, entry.pointee.pw_gid) == 0 else {
      throw PrivateClusterError(
        message: "cannot chown \(path) to nobody: \(String(cString: strerror(errno)))")
    }
  }

  /// A port that was free a moment ago: the kernel's pick for a socket bound to port 0.
  private static func freeLoopbackPort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else {
      throw PrivateClusterError(message: "socket: \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    guard bound == 0 else {
      throw PrivateClusterError(message: "bind: \(String(cString: strerror(errno)))")
    }
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(descriptor, $0, &length)
      }
    }
    guard named == 0 else {
      throw PrivateClusterError(message: "getsockname: \(String(cString: strerror(errno)))")
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}

public struct PrivateClusterError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}

/// Every cluster started and not yet stopped, so that process exit stops them.
private final class ClusterRegistry: @unchecked Sendable {
  // `@unchecked Sendable`: `clusters` and `installedExitHandler` are only touched under `lock`.
  private let lock = NSLock()
  private var clusters: [ObjectIdentifier: PrivateCluster] = [:]
  private var installedExitHandler = false

  func register(_ cluster: PrivateCluster) {
    let install = lock.withLock {
      clusters[ObjectIdentifier(cluster)] = cluster
      defer { installedExitHandler = true }
      return !installedExitHandler
    }
    // A C function pointer cannot capture; it reaches the registry through the global.
    if install { atexit { clusterRegistry.stopAll() } }
  }

  func deregister(_ cluster: PrivateCluster) {
    _ = lock.withLock { clusters.removeValue(forKey: ObjectIdentifier(cluster)) }
  }

  func stopAll() {
    // Taken out under the lock and stopped outside it: stop() deregisters, which locks.
    let running = lock.withLock { Array(clusters.values) }
    for cluster in running { cluster.stop() }
  }
}

private let clusterRegistry = ClusterRegistry()
