#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Zeroed memory for a large table that is read at random (hash slots), mapped in 2 MiB
/// pages where the system allows it, so that a look-up into a table of tens of megabytes
/// does not also miss the TLB (the duplicate check's prefetch waited on page walks). Fresh
/// mappings come zeroed, so the table is not cleared twice. No package does this; it is one
/// `mmap` and one `madvise`.
public enum LargeTable {
  /// Tables smaller than this are left to the ordinary allocator.
  static let hugePageBytes = 2 << 20

  /// Bytes mapped here and not yet given back: memory the allocator's statistics do not see,
  /// which memory reports add to them.
  public static var mappedBytes: Int { mapped.withLock { $0 } }
  private static let mapped = LockedCount()

  /// Zeroed memory for `count` words; give it back with `deallocate(_:words:)`.
  static func allocateZeroed(words count: Int) -> UnsafeMutablePointer<UInt64> {
    let bytes = count * MemoryLayout<UInt64>.stride
    guard bytes >= hugePageBytes else {
      let small = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
      small.initialize(repeating: 0, count: count)
      return small
    }
    // `deallocate` tells the two kinds apart by size alone, so a large table is always mapped;
    // a failed mapping is out of memory, which the allocator would not survive either.
    guard
      let mapped = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      mapped != MAP_FAILED
    else { fatalError("out of memory mapping a table of \(bytes) bytes") }
    #if os(Linux)
      _ = madvise(mapped, bytes, MADV_HUGEPAGE)
    #endif
    Self.mapped.withLock { $0 += bytes }
    return mapped.bindMemory(to: UInt64.self, capacity: count)
  }

  /// Gives back what `allocateZeroed(words: count)` returned.
  static func deallocate(_ table: UnsafeMutablePointer<UInt64>, words count: Int) {
    let bytes = count * MemoryLayout<UInt64>.stride
    if bytes >= hugePageBytes {
      munmap(table, bytes)
      mapped.withLock { $0 -= bytes }
    } else {
      table.deallocate()
    }
  }
}

/// A count behind a lock: tables are mapped a few dozen times per log, so a lock costs
/// nothing, and it needs no newer platform than the package's.
private final class LockedCount: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private var value = 0

  init() { pthread_mutex_init(mutex, nil) }
  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  func withLock<Result>(_ body: (inout Int) -> Result) -> Result {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return body(&value)
  }
}
