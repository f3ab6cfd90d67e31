import WatchfloorModel

/// `12345` as `12,345`, as the console writes figures.
func grouped(_ value: Int64) -> String {
  // The console's CountText.grouped, which this target may not import (it sees only the
  // model): digits in threes from the right.
  let digits = String(value.magnitude)
  var out = value < 0 ? "-" : ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
    out.append(digit)
  }
  return out
}

/// `s` for a count other than one.
func plural(_ count: Int) -> String { count == 1 ? "" : "s" }

/// `1 anomaly`, `3 anomalies`: a count with the word that fits it.
func counted(_ count: some BinaryInteger, _ singular: String, _ plural: String) -> String {
  "\(count) \(count == 1 ? singular : plural)"
}
