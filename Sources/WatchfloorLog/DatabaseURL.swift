#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A PostgreSQL log's address: `postgres://USER@HOST:PORT/DB?sslmode=…` (or `postgresql://`),
/// read the way libpq reads it, with the same defaults (`PGUSER`, `PGHOST`, `PGPORT`,
/// `PGDATABASE`, `PGSSLMODE`). The password comes from `PGPASSWORD` or the password file
/// (`PGPASSFILE`, default `~/.pgpass`), never from the URL: a URL is seen in the process list
/// and kept in shell history.
public struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
  /// How hard to insist on TLS, as libpq's `sslmode`.
  public enum SSLMode: String, Sendable, CaseIterable {
    case disable, allow, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"
  }

  public var user: String
  /// A host name or address; empty when connecting through a unix socket.
  public var host: String
  public var port: Int
  public var database: String
  /// The directory holding the server's unix socket (`host=/run/postgresql`), or nil for TCP.
  public var socketDirectory: String?
  public var sslMode: SSLMode
  /// `sslrootcert`, `sslcert`, `sslkey`: files for verifying the server and for a client
  /// certificate.
  public var rootCertificate: String?
  public var clientCertificate: String?
  public var clientKey: String?
  /// `connect_timeout` (0 or absent: 10 s) and `application_name` (default `watchfloor`).
  public var connectTimeoutSeconds: Int64 = 10
  public var applicationName = "watchfloor"

  /// Whether a SOURCE names a database rather than a file.
  public static func names(_ source: String) -> Bool {
    source.hasPrefix("postgres://") || source.hasPrefix("postgresql://")
  }

  /// The unix socket's path, when connecting through one.
  public var socketPath: String? {
    socketDirectory.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + ".s.PGSQL.\(port)" }
  }

  /// The address without secrets, for messages and the console's header.
  public var description: String {
    let shownHost = socketDirectory == nil ? (host.contains(":") ? "[\(host)]" : host) : ""
    var text = "postgres://\(user)@\(shownHost):\(port)/\(database)"
    if let socketDirectory { text += "?host=\(socketDirectory)" }
    return text
  }

  /// Parses `text`, filling what it leaves out from `environment` (libpq's variables) and the
  /// account's name.
  public static func parse(
    _ text: String, environment: [String: String] = ProcessEnvironment.current
  ) throws(DatabaseError) -> DatabaseURL {
    guard let schemeEnd = text.range(of: "://"), names(text) else {
      throw DatabaseError(.usage, "'\(text)' is not a PostgreSQL URL (postgres://USER@HOST/DB)")
    }
    var rest = Substring(text[schemeEnd.upperBound...])
    var query = ""
    if let mark = rest.firstIndex(of: "?") {
      query = String(rest[rest.index(after: mark)...])
      rest = rest[..<mark]
    }
    var path = ""
    if let slash = rest.firstIndex(of: "/") {
      path = String(rest[rest.index(after: slash)...])
      rest = rest[..<slash]
    }
    var userInfo: Substring = ""
    if let at = rest.lastIndex(of: "@") {
      userInfo = rest[..<at]
      rest = rest[rest.index(after: at)...]
    }
    if userInfo.contains(":") {
      throw DatabaseError(
        .usage,
        "the URL holds a password, which the process list and shell history would show: "
          + "give it in PGPASSWORD or ~/.pgpass instead")
    }
    var host = ""
    var portText = ""
    if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
      host = String(rest[rest.index(after: rest.startIndex)..<close])
      let after = rest[rest.index(after: close)...]
      if after.hasPrefix(":") { portText = String(after.dropFirst()) }
    } else if let colon = rest.firstIndex(of: ":") {
      host = String(rest[..<colon])
      portText = String(rest[rest.index(after: colon)...])
    } else {
      host = String(rest)
    }
    var options: [String: String] = [:]
    for pair in query.split(separator: "&") where !pair.isEmpty {
      let parts = pair.split(separator: "=", maxSplits: 1)
      let key = try percentDecoded(parts[0])
      let value = parts.count > 1 ? try percentDecoded(parts[1]) : ""
      options[key] = value
    }
    if options["password"] != nil {
      throw DatabaseError(.usage, "give the password in PGPASSWORD or ~/.pgpass, not the URL")
    }
    let known: Set = [
      "sslmode", "host", "port", "user", "dbname", "sslrootcert", "sslcert", "sslkey",
      "application_name", "connect_timeout",
    ]
    if let unknown = options.keys.sorted().first(where: { !known.contains($0) }) {
      throw DatabaseError(
        .usage,
        "unknown option '\(unknown)' in the URL (known: \(known.sorted().joined(separator: ", ")))")
    }
    host = try percentDecoded(Substring(host))
    if let given = options["host"] { host = given }
    if host.isEmpty { host = environment["PGHOST"] ?? "" }
    var socketDirectory: String?
    if host.isEmpty {
      socketDirectory = "/var/run/postgresql"
    } else if host.hasPrefix("/") {
      socketDirectory = host
      host = ""
    }
    if let given = options["port"] { portText = given }
    if portText.isEmpty { portText = environment["PGPORT"] ?? "5432" }
    guard let port = Int(portText), (1...65535).contains(port) else {
      throw DatabaseError(.usage, "'\(portText)' is not a port number (1 to 65535)")
    }
    var user = try percentDecoded(userInfo)
    if let given = options["user"] { user = given }
    if user.isEmpty { user = environment["PGUSER"] ?? Self.accountName() }
    var database = try percentDecoded(Substring(path))
    if let given = options["dbname"] { database = given }
    if database.isEmpty { database = environment["PGDATABASE"] ?? user }
    let modeText = options["sslmode"] ?? environment["PGSSLMODE"] ?? "prefer"
    guard let mode = SSLMode(rawValue: modeText) else {
      throw DatabaseError(
        .usage,
        "sslmode '\(modeText)' is not one of "
          + SSLMode.allCases.map(\.rawValue).joined(separator: ", "))
    }
    let timeoutText = options["connect_timeout"] ?? environment["PGCONNECT_TIMEOUT"] ?? "10"
    guard let timeout = Int64(timeoutText), timeout >= 0 else {
      throw DatabaseError(.usage, "connect_timeout '\(timeoutText)' is not a number of seconds")
    }
    return DatabaseURL(
      user: user, host: host, port: port, database: database, socketDirectory: socketDirectory,
      sslMode: mode, rootCertificate: options["sslrootcert"] ?? environment["PGSSLROOTCERT"],
      clientCertificate: options["sslcert"] ?? environment["PGSSLCERT"],
      clientKey: options["sslkey"] ?? environment["PGSSLKEY"],
      connectTimeoutSeconds: timeout == 0 ? 10 : timeout,
      applicationName: options["application_name"] ?? environment["PGAPPNAME"] ?? "watchfloor")
  }

  /// The password for this address: `PGPASSWORD`, else the first matching line of the
  /// password file, else nil (the server may not ask for one).
  public func password(environment: [String: String] = ProcessEnvironment.current) -> String? {
    if let given = environment["PGPASSWORD"] { return given }
    let file =
      environment["PGPASSFILE"]
      ?? (environment["HOME"] ?? Self.homeDirectory()).map { $0 + "/.pgpass" }
    guard let file, let text = PasswordFile.read(file) else { return nil }
    let hostKey = socketDirectory == nil ? host : "localhost"
    return PasswordFile.lookup(
      text, host: hostKey, port: port, database: database, user: user)
  }

  /// Why the password file was passed over, when it was: libpq ignores a file that others
  /// may read, and so do we, but we say so.
  public func passwordFileProblem(environment: [String: String] = ProcessEnvironment.current)
    -> String?
  {
    guard environment["PGPASSWORD"] == nil else { return nil }
    let file =
      environment["PGPASSFILE"]
      ?? (environment["HOME"] ?? Self.homeDirectory()).map { $0 + "/.pgpass" }
    var info = stat()
    guard let file, stat(file, &info) == 0 else { return nil }
    if info.st_mode & 0o077 != 0 {
      return "\(file) is ignored: others may read it (chmod 600 \(file))"
    }
    return nil
  }

  /// `%XX` escapes decoded, as in URLs.
  private static func percentDecoded(_ text: Substring) throws(DatabaseError) -> String {
    guard text.contains("%") else { return String(text) }
    var bytes: [UInt8] = []
    var index = text.utf8.startIndex
    let utf8 = text.utf8
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte == UInt8(ascii: "%") {
        let first = utf8.index(after: index)
        guard first < utf8.endIndex, utf8.index(after: first) < utf8.endIndex,
          let high = hexValue(utf8[first]),
          let low = hexValue(utf8[utf8.index(after: first)])
        else { throw DatabaseError(.usage, "a bad % escape in '\(text)'") }
        bytes.append(high << 4 | low)
        index = utf8.index(first, offsetBy: 2)
      } else {
        bytes.append(byte)
        index = utf8.index(after: index)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  /// The effective account's name, as libpq's default user.
  static func accountName() -> String {
    guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "" }
    return String(cString: name)
  }

  private static func homeDirectory() -> String? {
    guard let entry = getpwuid(geteuid()), let home = entry.pointee.pw_dir else { return nil }
    return String(cString: home)
  }
}

/// libpq's password file: `hostname:port:database:username:password` lines, `*` matching
/// anything, `\:` and `\\` escaped. Like libpq, a file that others may read is ignored.
enum PasswordFile {
  static func read(_ path: String) -> String? {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
      info.st_mode & 0o077 == 0
    else { return nil }
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count <= 0 { break }
      bytes.append(contentsOf: buffer[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func lookup(_ text: String, host: String, port: Int, database: String, user: String)
    -> String?
  {
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.hasPrefix("#") { continue }
      let fields = split(line)
      guard fields.count == 5 else { continue }
      func matches(_ field: String, _ value: String) -> Bool { field == "*" || field == value }
      if matches(fields[0], host) && matches(fields[1], String(port))
        && matches(fields[2], database) && matches(fields[3], user)
      {
        return fields[4]
      }
    }
    return nil
  }

  /// The line's fields, split at unescaped colons, escapes removed.
  private static func split(_ line: Substring) -> [String] {
    var fields: [String] = []
    var current = ""
    var escaped = false
    for character in line {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == ":" && fields.count < 4 {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    fields.append(current)
    return fields
  }
}

/// The process's environment as a dictionary, read once per call.
public enum ProcessEnvironment {
  public static var current: [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        result[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    return result
  }
}
