/// What a `LogFollower` hands out while reading, in file order.
///
/// After `.truncated`, `.replaced` or `.appeared` the lines that follow are a fresh log whose
/// numbering starts again at 1: the consumer drops the state it folded so far and starts over.
public enum FollowEvent {
  /// One complete line without its `\n` (a `\r` before it is kept; the decoder accepts CRLF).
  /// The buffer is only valid during the sink call. Line numbers count every line of the
  /// current file, blank ones included, from 1.
  case line(UnsafeRawBufferPointer, lineNumber: Int)
  /// The file got shorter than what was read, or its first bytes changed: it was truncated or
  /// rewritten in place. Lines from the start of the file follow.
  case truncated
  /// The path now names a different file (rotation: renamed away and recreated). The old
  /// file's remaining lines were delivered before this; the new file's lines follow.
  case replaced
  /// The file is open after a time when it was not: it was missing when the follower started,
  /// it vanished earlier, or it could not be opened (an error was thrown). Its lines follow from
  /// the start. A file that opens at the very first read is not announced.
  case appeared
  /// The path no longer exists. The old file's remaining lines were delivered before this; the
  /// follower waits for the path to appear again.
  case vanished
}

/// Whether a `LogFollower` has a file open.
public enum FollowStatus: Equatable, Sendable {
  /// The path does not exist (yet, or any more); the follower waits for it.
  case waiting
  /// The file is open and read as it grows.
  case following
}
