/// The incidents of a state, by symbol, kept in two parts: what the report fixed (sector,
/// kind, facility, time) and what later events change (severity, summary, status, who
/// acknowledged).
///
/// Acknowledgements and updates reach incidents reported long before, all over the table, so
/// after each timeline checkpoint nearly every leaf of changing values is copied once
/// (`LeafTree`). Keeping only the 12 changing bytes of an incident there, not all 48, makes
/// those copies a quarter the size.
public struct IncidentSlots: Sendable {
  /// The fields an `incident.reported` fixes for good.
  private struct Report: Sendable {
    var reportedAt: Timestamp
    var sector: Symbol
    var kind: Symbol
    var facility: Symbol

    /// The same fields, the time written the same way.
    func isSame(as other: Report) -> Bool {
      reportedAt == other.reportedAt && reportedAt.style == other.reportedAt.style
        && sector == other.sector && kind == other.kind && facility == other.facility
    }
  }

  /// The fields later events change.
  private struct Standing: Sendable {
    var summary: Symbol
    var acknowledgedBy: Symbol
    var severity: Severity
    var status: IncidentStatus
  }

  private var reports = Slots<Report>()
  private var standings = Slots<Standing>()

  public init() {}

  /// The number of incidents.
  public var count: Int { standings.count }

  public subscript(symbol: Symbol) -> Incident? {
    get {
      guard let standing = standings[symbol], let report = reports[symbol] else { return nil }
      return Self.incident(report, standing)
    }
    set {
      guard let incident = newValue else {
        reports[symbol] = nil
        standings[symbol] = nil
        return
      }
      let report = Report(
        reportedAt: incident.reportedAt, sector: incident.sector, kind: incident.kind,
        facility: incident.facility)
      // Written only when it differs, so that a change of standing leaves the report's leaf
      // shared with the checkpoints.
      let unchanged = reports[symbol]?.isSame(as: report) ?? false
      if !unchanged { reports[symbol] = report }
      standings[symbol] = Standing(
        summary: incident.summary, acknowledgedBy: incident.acknowledgedBy,
        severity: incident.severity, status: incident.status)
    }
  }

  /// Every incident with its symbol, in symbol order.
  public func forEachEntry(_ body: (Symbol, Incident) throws -> Void) rethrows {
    try standings.forEachEntry { symbol, standing in
      if let report = reports[symbol] { try body(symbol, Self.incident(report, standing)) }
    }
  }

  private static func incident(_ report: Report, _ standing: Standing) -> Incident {
    Incident(
      sector: report.sector, kind: report.kind, facility: report.facility,
      reportedAt: report.reportedAt, severity: standing.severity, summary: standing.summary,
      status: standing.status, acknowledgedBy: standing.acknowledgedBy)
  }

  /// The incidents' symbols, in symbol order.
  public var symbols: [Symbol] { standings.symbols }
}
