/// One member of a scanned line that the schema knows: which field, and its value's span in
/// the line (the line as the scanner saw it, without a trailing `\r`).
public struct ScannedMember: Sendable {
  public var field: EventField
  public var value: JSONValue
}

/// The half of decoding that needs no tables: syntax, and which known members a line holds.
///
/// It touches nothing shared, so lines can be scanned on another thread while the decoder
/// interns and the timeline folds earlier ones. `EventDecoder.decode(_:members:ts:)` takes its
/// output.
public struct LineScanner {
  /// What a line scanned to.
  public enum Outcome: Sendable {
    /// Empty, or only spaces and tabs.
    case blank
    /// Not a JSON object: the reason, for a malformed line.
    case invalid(String)
    /// A JSON object; its known members were appended.
    case object
  }

  /// A key with escapes, unescaped.
  private var scratch: [UInt8] = []
  /// The schema's member names, held here: read through the static, every member of every
  /// line paid the check that the static was made (`swift_once`).
  private let fieldNames = EventField.names

  public init() {}

  /// The line without a trailing `\r`: member spans are relative to it.
  @inline(__always)
  public static func content(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    line.last == 0x0D ? UnsafeRawBufferPointer(rebasing: line.dropLast()) : line
  }

  /// Scans one line (without its `\n`), appending each known member to `members` in order.
  public mutating func scan(
    _ line: UnsafeRawBufferPointer, into members: inout [ScannedMember]
  ) -> Outcome {
    let line = Self.content(line)
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return .blank }
    var scanner = JSONScanner(line)
    do {
      try scanner.scanObject { key, value throws(JSONSyntaxError) in
        let field: EventField?
        let name = key.bytes(in: line)
        if key.escaped {
          unescapeJSONString(name, into: &scratch)
          field = scratch.withUnsafeBytes { fieldNames.match($0) }
        } else {
          field = fieldNames.match(name)
        }
        if let field { members.append(ScannedMember(field: field, value: value)) }
      }
    } catch {
      return .invalid("not valid JSON: \(error.message)")
    }
    return .object
  }
}
