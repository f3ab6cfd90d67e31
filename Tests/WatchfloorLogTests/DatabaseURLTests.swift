import Foundation
import Testing

@testable import WatchfloorLog

@Suite("Database URLs and passwords")
struct DatabaseURLTests {
  @Test("a full URL: user, host, port, database, sslmode; the description holds no secret")
  func fullURL() throws {
    let url = try DatabaseURL.parse(
      "postgres://hassan@db.ops:6432/airlift?sslmode=verify-full&sslrootcert=/etc/ca.pem",
      environment: [:])
    #expect(url.user == "hassan")
    #expect(url.host == "db.ops")
    #expect(url.port == 6432)
    #expect(url.database == "airlift")
    #expect(url.sslMode == .verifyFull)
    #expect(url.rootCertificate == "/etc/ca.pem")
    #expect(url.socketPath == nil)
    #expect(url.description == "postgres://hassan@db.ops:6432/airlift")
  }

  @Test("postgresql:// too; defaults come from PG* variables, then libpq's")
  func defaults() throws {
    let url = try DatabaseURL.parse(
      "postgresql://", environment: ["PGHOST": "h", "PGUSER": "u", "PGPORT": "7000"])
    #expect(url.host == "h")
    #expect(url.user == "u")
    #expect(url.port == 7000)
    #expect(url.database == "u")
    #expect(url.sslMode == .prefer)
    let bare = try DatabaseURL.parse("postgres://x@/d", environment: [:])
    #expect(bare.socketDirectory == "/var/run/postgresql")
    #expect(bare.socketPath == "/var/run/postgresql/.s.PGSQL.5432")
  }

  @Test("host=/dir in the query is a unix socket directory")
  func socket() throws {
    let url = try DatabaseURL.parse("postgres://a@/log?host=/tmp/sock&port=5999", environment: [:])
    #expect(url.socketPath == "/tmp/sock/.s.PGSQL.5999")
    #expect(url.description == "postgres://a@:5999/log?host=/tmp/sock")
  }

  @Test("an IPv6 host in brackets, and percent escapes in names")
  func bracketsAndEscapes() throws {
    let url = try DatabaseURL.parse("postgres://al%40ops@[::1]:5433/air%20lift", environment: [:])
    #expect(url.host == "::1")
    #expect(url.user == "al@ops")
    #expect(url.database == "air lift")
    #expect(url.description == "postgres://al@ops@[::1]:5433/air lift")
  }

  @Test(
    "refused: a password in the URL, a bad port, an unknown option, a bad sslmode, a bad escape",
    arguments: [
      ("postgres://u:secret@h/d", "PGPASSWORD"),
      ("postgres://u@h:99999/d", "port"),
      ("postgres://u@h/d?colour=red", "unknown option 'colour'"),
      ("postgres://u@h/d?sslmode=maybe", "sslmode 'maybe'"),
      ("postgres://u%4@h/d", "bad % escape"),
      ("postgres://u@h/d?password=x", "PGPASSWORD"),
    ])
  func refused(text: String, words: String) {
    #expect {
      try DatabaseURL.parse(text, environment: [:])
    } throws: { error in
      guard let error = error as? DatabaseError else { return false }
      return error.kind == .usage && error.message.contains(words)
    }
  }

  @Test("only postgres:// and postgresql:// name a database; a file path never does")
  func names() {
    #expect(DatabaseURL.names("postgres://h/d"))
    #expect(DatabaseURL.names("postgresql://h/d"))
    #expect(!DatabaseURL.names("samples/2026-01-21.jsonl"))
    #expect(!DatabaseURL.names("postgres.jsonl"))
  }

  @Test("a log location: files, or one URL alone")
  func location() throws {
    #expect(try LogLocation.parse(["a.jsonl", "b"]) == .files(["a.jsonl", "b"]))
    guard case .database(let url) = try LogLocation.parse(["postgres://u@h/d"]) else {
      Issue.record("not a database")
      return
    }
    #expect(url.database == "d")
    #expect(throws: DatabaseError.self) { try LogLocation.parse(["postgres://u@h/d", "a.jsonl"]) }
  }

  @Test("PGPASSWORD wins; else the first matching ~/.pgpass line, wildcards and escapes")
  func passwords() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("pgpass-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("pgpass").path
    try """
    # comment
    other:5432:*:hassan:wrong
    db.ops:5432:airlift:hassan:pa\\:ss\\\\word
    *:*:*:noor:any

    """.write(toFile: file, atomically: true, encoding: .utf8)
    chmod(file, 0o600)
    let url = try DatabaseURL.parse("postgres://hassan@db.ops/airlift", environment: [:])
    #expect(url.password(environment: ["PGPASSFILE": file]) == "pa:ss\\word")
    #expect(url.password(environment: ["PGPASSFILE": file, "PGPASSWORD": "env"]) == "env")
    let noor = try DatabaseURL.parse("postgres://noor@x:1/y", environment: [:])
    #expect(noor.password(environment: ["PGPASSFILE": file]) == "any")
    let nobody = try DatabaseURL.parse("postgres://karim@db.ops/airlift", environment: [:])
    #expect(nobody.password(environment: ["PGPASSFILE": file]) == nil)
    // As libpq: a file that others may read is ignored.
    chmod(file, 0o644)
    #expect(url.password(environment: ["PGPASSFILE": file]) == nil)
  }

  @Test("SQL scripts split at statement ends, not inside quotes, dollar bodies or comments")
  func scripts() {
    let script = """
      CREATE TABLE a (x text DEFAULT ';');
      -- a comment; with a semicolon
      CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$
      BEGIN RETURN 1; END $$;
      GRANT x TO y
      """
    let statements = SQLScript.statements(script)
    #expect(statements.count == 3)
    #expect(statements[0] == "CREATE TABLE a (x text DEFAULT ';')")
    #expect(statements[1].hasSuffix("BEGIN RETURN 1; END $$"))
    #expect(statements[2] == "GRANT x TO y")
  }
}
