#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A source that cannot be read, with a one-line message naming the path and the cause.
public struct LogSourceError: Error, CustomStringConvertible, Sendable {
  public let path: String
  public let cause: String
  public var description: String { "cannot read '\(path)': \(cause)" }

  public init(path: String, cause: String) {
    self.path = path
    self.cause = cause
  }

  /// The error of the last failed system call on `path`.
  static func system(_ path: String, _ code: Int32 = errno) -> LogSourceError {
    LogSourceError(path: path, cause: String(cString: strerror(code)))
  }
}

/// Resolves the SOURCE arguments of a command into the files to read, in order: a file as
/// itself, a directory as every `*.jsonl` file in it in byte order of the names (daily files
/// `YYYY-MM-DD.jsonl` sort by day).
public enum LogSources {
  public static func files(for paths: [String]) throws(LogSourceError) -> [String] {
    var files: [String] = []
    for path in paths { files += try self.files(for: path) }
    return files
  }

  public static func files(for path: String) throws(LogSourceError) -> [String] {
    var info = stat()
    guard stat(path, &info) == 0 else { throw .system(path) }
    guard info.st_mode & S_IFMT == S_IFDIR else {
      guard access(path, R_OK) == 0 else { throw .system(path) }
      return [path]
    }
    guard let directory = opendir(path) else { throw .system(path) }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name.hasSuffix(".jsonl"), !name.hasPrefix(".") else { continue }
      let full = path.hasSuffix("/") ? path + name : path + "/" + name
      // A log file the directory names but that cannot be read is an error, never skipped:
      // a day silently missing from a replay or a report would be worse than no answer.
      var fileInfo = stat()
      guard stat(full, &fileInfo) == 0 else {
        let code = errno
        var link = stat()
        if code == ENOENT, lstat(full, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
          throw LogSourceError(path: full, cause: "a link to a file that does not exist")
        }
        throw .system(full, code)
      }
      guard fileInfo.st_mode & S_IFMT == S_IFREG else {
        throw LogSourceError(path: full, cause: "not a regular file")
      }
      guard access(full, R_OK) == 0 else { throw .system(full) }
      names.append(name)
    }
    guard !names.isEmpty else {
      throw LogSourceError(path: path, cause: "the directory holds no *.jsonl log files")
    }
    names.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    return names.map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
  }
}
