/// Splits SQL text into statements at the semicolons that end them, outside quotes,
/// dollar-quoted bodies and comments: PostgreSQL's extended protocol, which PostgresNIO
/// speaks, runs one statement at a time, and our migrations are written as scripts.
enum SQLScript {
  static func statements(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    var statements: [String] = []
    var start = 0
    var index = 0
    func finish(at end: Int) {
      let statement = String(decoding: bytes[start..<end], as: UTF8.self)
        .trimmingWhitespace()
      if !statement.isEmpty && !statement.allLinesAreComments { statements.append(statement) }
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "'") {
        index += 1
        while index < bytes.count && bytes[index] != UInt8(ascii: "'") { index += 1 }
      } else if byte == UInt8(ascii: "-"), index + 1 < bytes.count,
        bytes[index + 1] == UInt8(ascii: "-")
      {
        while index < bytes.count && bytes[index] != 0x0A { index += 1 }
      } else if byte == UInt8(ascii: "$"), index + 1 < bytes.count,
        bytes[index + 1] == UInt8(ascii: "$")
      {
        index += 2
        while index + 1 < bytes.count
          && !(bytes[index] == UInt8(ascii: "$") && bytes[index + 1] == UInt8(ascii: "$"))
        {
          index += 1
        }
        index += 1
      } else if byte == UInt8(ascii: ";") {
        finish(at: index)
        start = index + 1
      }
      index += 1
    }
    finish(at: bytes.count)
    return statements
  }
}

extension String {
  fileprivate func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }

  fileprivate var allLinesAreComments: Bool {
    split(separator: "\n").allSatisfy {
      $0.trimmingPrefix(while: { $0 == " " }).hasPrefix("--")
    }
  }
}
