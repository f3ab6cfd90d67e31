import WatchfloorModel

extension OutputBuffer {
  /// Writes `lines` joined by newlines, without a final newline, one line at a time.
  mutating func writeLines(_ lines: some Sequence<String>) {
    var first = true
    for line in lines {
      if !first { write("\n") }
      first = false
      write(line)
    }
  }
}
