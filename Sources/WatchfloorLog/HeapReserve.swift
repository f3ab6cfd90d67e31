import CHeapReserve

/// Memory for the fold, faulted in ahead by the reader thread.
///
/// On the machines we measure, a page touched for the first time costs a few microseconds, and
/// the fold touches a fresh page for every few dozen events it keeps: a tenth of the folding
/// thread's time, which is the thread that sets the pace. The reader thread has time to spare,
/// so after each block it faults in the top of the allocator's heap, where the fold's next
/// records, ids and states will be carved. No package does this: it is two allocator settings
/// and one `madvise` (`CHeapReserve`).
enum HeapReserve {
  /// How far the heap grows at a time, and so how far ahead the reader faults: several
  /// blocks' worth of what the fold keeps (about 1 MiB a block).
  static let aheadBytes = 8 << 20

  /// Has the heap grow `aheadBytes` at a time; before a read.
  static func prepare() {
    wf_heap_grow_ahead(aheadBytes)
  }

  /// Faults in the heap's next `aheadBytes`, those not faulted in by the last call (whose
  /// end `populatedEnd` keeps); on the reader thread, after each block.
  static func fill(populatedEnd: inout UInt) {
    wf_heap_prefault_top(aheadBytes, &populatedEnd)
  }
}
