import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The decision chain of log files verified on a thread of its own, started before the log is
/// read: the chain hashes every byte of every file, and reading the same files into a
/// timeline need not wait for it (a replay's first frame needs both).
public final class ChainVerification: @unchecked Sendable {
  // Unchecked: `result` is written once on the verifying thread before `done` is signalled,
  // and read only after waiting on `done`.
  private var result: Result<ChainLedger, LogSourceError>?
  private let done = DispatchSemaphore(value: 0)

  /// Starts verifying the chain of `files` beside their reading when every one is a regular
  /// file; nil otherwise. A pipe or FIFO can be read once: two readers would each drain part
  /// of it, and reading it again after would wait for a writer that never comes.
  public static func besideReading(_ files: [String]) -> ChainVerification? {
    areRegularFiles(files) ? ChainVerification(files: files) : nil
  }

  /// Whether every one of `files` is a regular file, which can be read again.
  public static func areRegularFiles(_ files: [String]) -> Bool {
    files.allSatisfy(isRegularFile)
  }

  private static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  /// Starts verifying the chain of `files`, in order, each read once more from its start.
  public init(files: [String]) {
    let thread = Thread { [self] in
      do throws(LogSourceError) {
        result = .success(try ChainLedger.verify(files))
      } catch {
        result = .failure(error)
      }
      done.signal()
    }
    thread.start()
  }

  /// Waits for the verification and returns its ledger.
  public func ledger() throws(LogSourceError) -> ChainLedger {
    done.wait()
    done.signal()  // Later calls find the result at once.
    switch result {
    case .success(let ledger): return ledger
    case .failure(let error): throw error
    case nil: return ChainLedger()
    }
  }
}
