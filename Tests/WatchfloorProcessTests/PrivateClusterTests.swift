import Foundation
import Testing
import WatchfloorProcess

#if canImport(Glibc)
  import Glibc
#endif

/// A private PostgreSQL cluster: its lifecycle, and that its TCP side wants a password.
@Suite("Private PostgreSQL cluster")
struct PrivateClusterTests {
  /// Runs psql over TCP against `url` with `password` in PGPASSWORD.
  func psqlOverTCP(_ cluster: PrivateCluster, url: String, password: String) throws
    -> (status: Int32, output: String)
  {
    try ChildProcess.run(
      ["\(cluster.binDirectory)/psql", "-X", "-q", "-t", "-A", url, "-c", "select current_user"],
      environment: ["PGPASSWORD": password, "PGCONNECT_TIMEOUT": "5"])
  }

  /// Whether something accepts TCP connections on 127.0.0.1:`port`.
  func acceptsConnections(port: Int) -> Bool {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    return connected == 0
  }

  @Test("starts, admits a role by password over TCP, restarts, and stops without a trace")
  func lifecycle() throws {
    let cluster = try PrivateCluster.start()
    defer { cluster.stop() }
    #expect(cluster.superuser == "watchfloor_admin")
    #expect(cluster.superuserPassword.count == 32)
    #expect(try cluster.psql("select 1") == "1")
    #expect(acceptsConnections(port: cluster.port))

    try cluster.psql("create role probe login password 'probe-secret'")
    let url = cluster.url(user: "probe", database: "postgres")
    #expect(url == "postgres://probe@127.0.0.1:\(cluster.port)/postgres")
    let good = try psqlOverTCP(cluster, url: url, password: "probe-secret")
    #expect(good.status == 0, "\(good.output)")
    #expect(good.output.trimmingCharacters(in: .whitespacesAndNewlines) == "probe")
    let bad = try psqlOverTCP(cluster, url: url, password: "wrong")
    #expect(bad.status != 0)
    #expect(bad.output.contains("password authentication failed"), "\(bad.output)")

    // The superuser's password works over TCP too.
    let admin = try psqlOverTCP(
      cluster, url: cluster.url(user: cluster.superuser, database: "postgres"),
      password: cluster.superuserPassword)
    #expect(admin.status == 0, "\(admin.output)")

    // A failing statement throws with psql's stderr.
    #expect(throws: PrivateClusterError.self) { try cluster.psql("select nonsense") }

    try cluster.restart()
    #expect(try cluster.psql("select current_user", user: "probe") == "probe")
    #expect(try psqlOverTCP(cluster, url: url, password: "probe-secret").status == 0)

    let directory = URL(fileURLWithPath: cluster.socketDirectory).deletingLastPathComponent()
    #expect(FileManager.default.fileExists(atPath: directory.path))
    cluster.stop()
    #expect(!acceptsConnections(port: cluster.port))
    #expect(!FileManager.default.fileExists(atPath: directory.path))
    // Stopping again is harmless.
    cluster.stop()
  }

  @Test("two clusters run side by side on different ports")
  func twoClusters() throws {
    let first = try PrivateCluster.start()
    defer { first.stop() }
    let second = try PrivateCluster.start()
    defer { second.stop() }
    #expect(first.port != second.port)
    #expect(try first.psql("select 1") == "1")
    #expect(try second.psql("select 2") == "2")
  }
}
