/// A duration as the config writes it: `90s`, `5m`, `1h`, or parts together, `1h30m`.
enum ConfigDuration {
  /// The seconds `text` stands for; nil when it is not a positive duration of whole seconds,
  /// minutes and hours (a bare number has no unit and is refused, rather than guessed).
  static func seconds(_ text: String) -> Int64? {
    var total: Int64 = 0
    var digits = ""
    var parts = 0
    for character in text where character != " " {
      if character.isASCII, character.isWholeNumber {
        digits.append(character)
        continue
      }
      let unit: Int64
      switch character {
      case "s": unit = 1
      case "m": unit = 60
      case "h": unit = 3600
      default: return nil
      }
      guard let count = Int64(digits) else { return nil }
      let (product, overflow) = count.multipliedReportingOverflow(by: unit)
      let (sum, overflowSum) = total.addingReportingOverflow(product)
      guard !overflow, !overflowSum else { return nil }
      total = sum
      digits = ""
      parts += 1
    }
    return digits.isEmpty && parts > 0 && total > 0 ? total : nil
  }
}
