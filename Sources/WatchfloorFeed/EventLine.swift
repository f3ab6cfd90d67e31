import WatchfloorModel

/// Builds one event line in the samples' style: `{"id": "…", "ts": "…", "type": "…", …}`,
/// members in the order added, strings escaped as JSON requires, no line break.
struct EventLine {
  private(set) var text = "{"

  init(id: String, ts: Timestamp, type: EventType) {
    string("id", id)
    string("ts", RFC3339.utcText(ts))
    string("type", type.name)
  }

  mutating func string(_ key: String, _ value: String) {
    separate()
    JSONWriter.appendQuoted(key, to: &text)
    text += ": "
    JSONWriter.appendQuoted(value, to: &text)
  }

  mutating func integer(_ key: String, _ value: Int64) {
    separate()
    JSONWriter.appendQuoted(key, to: &text)
    text += ": \(value)"
  }

  /// The finished line, without its `\n`.
  var line: String { text + "}" }

  private mutating func separate() {
    if text != "{" { text += ", " }
  }
}
