import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Journal {
  /// A decision event as one compact JSON line (without its `\n`), strings escaped:
  /// `{"ts":…,"type":…,"id":…,<fields in order>,"by":…}`. `ts` is written in UTC, with its
  /// fraction of a second when it has one.
  public static func decisionLine(
    type: String, fields: [(String, String)], by: String?, ts: Timestamp, id: String
  ) -> String {
    var writer = JSONWriter(pretty: false)
    writer.beginObject()
    writer.string("ts", utcText(ts))
    writer.string("type", type)
    writer.string("id", id)
    for (key, value) in fields { writer.string(key, value) }
    if let by { writer.string("by", by) }
    writer.endObject()
    return writer.text
  }

  /// The current time as a UTC timestamp with milliseconds, for a decision's `ts`.
  public static func now() -> Timestamp {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    let milliseconds = UInt32(spec.tv_nsec / 1_000_000)
    return Timestamp(seconds: Int64(spec.tv_sec), nanoseconds: milliseconds * 1_000_000)
  }

  /// A new event id, unique across hosts, processes and calls:
  /// `<prefix>-<host>-<pid>-<counter>-<12 random hex digits>`, for example
  /// `dec-ops1-4242-7-9f3a0c51be27`.
  public static func makeEventID(prefix: String = "dec") -> String {
    let serial = JournalIDCounter.shared.next()
    let random = UInt64.random(in: 0..<(1 << 48))
    var hex = String(random, radix: 16)
    hex = String(repeating: "0", count: 12 - hex.count) + hex
    return "\(prefix)-\(JournalIDCounter.hostName)-\(getpid())-\(serial)-\(hex)"
  }

  /// `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, the fraction without trailing zeros.
  static func utcText(_ ts: Timestamp) -> String {
    var text = RFC3339.civil(ts.seconds)
    if ts.nanoseconds > 0 {
      var fraction = String(ts.nanoseconds)
      fraction = String(repeating: "0", count: max(0, 9 - fraction.count)) + fraction
      while fraction.hasSuffix("0") { fraction.removeLast() }
      text += "." + fraction
    }
    return text + "Z"
  }
}

/// The process-wide counter behind `Journal.makeEventID`, safe to use from any thread.
final class JournalIDCounter: @unchecked Sendable {
  static let shared = JournalIDCounter()

  /// The host's name, reduced to letters, digits, `.` and `-`, or `host`.
  static let hostName: String = {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "host" }
    let name = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let kept = name.unicodeScalars.filter {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        || $0 == "." || $0 == "-"
    }
    return kept.isEmpty ? "host" : String(String.UnicodeScalarView(kept))
  }()

  // Guarded by `mutex`; the mutex lives at a stable address for the life of the process.
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private var value: UInt64 = 0

  private init() {
    mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
  }

  func next() -> UInt64 {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    value += 1
    return value
  }
}
