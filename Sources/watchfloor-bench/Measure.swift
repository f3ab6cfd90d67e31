import CAllocatorStats
import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#endif

/// Monotonic time in seconds.
func now() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Bytes the allocator has handed out and not had back, and the large tables mapped apart
/// from it.
func allocatedBytes() -> Int {
  Int(wf_allocated_bytes()) + LargeTable.mappedBytes
}

/// The value at quantile `q` (0...1) of `samples`.
func quantile(_ samples: [Double], _ q: Double) -> Double {
  guard !samples.isEmpty else { return 0 }
  let sorted = samples.sorted()
  let position = min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded(.up)))
  return sorted[position]
}

func formatted(_ value: Double, _ digits: Int = 2) -> String {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  return String((value * scale).rounded() / scale)
}

func printLine(_ text: String) {
  var text = text + "\n"
  text.withUTF8 { _ = write(1, $0.baseAddress, $0.count) }
}
