/// The UTF-8 byte order mark a log file may start with: readers skip it (the spec's lines do
/// not include it), the decision chain covers it.
public enum ByteOrderMark {
  /// The mark's bytes.
  public static let utf8: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// The length of the mark at the start of `bytes`: 3 when it is there, else 0.
  public static func length(at bytes: UnsafeRawBufferPointer) -> Int {
    bytes.starts(with: utf8) ? utf8.count : 0
  }
}
