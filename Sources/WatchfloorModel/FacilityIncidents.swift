/// The high and critical incidents not yet resolved at a facility or in its region (by the
/// incident's `facility`, or its `sector` naming the facility's id or region, ignoring case):
/// what a diversion's list of destinations shows beside each facility.
///
/// Unlike the policy's warnings, border sectors are not counted (they concern every
/// destination alike) and age does not matter (an unresolved incident is still there).
/// Complexity: O(incidents).
public func unresolvedSeriousIncidents(
  near facility: Symbol, state: OpsState, tables: SymbolTables
) -> Int {
  let facilityID = tables.facility(facility).lowercased()
  let region = state.facilities[facility].map { tables.text($0.region).lowercased() } ?? ""
  var count = 0
  state.incidents.forEachEntry { _, incident in
    guard incident.status != .resolved, incident.severity >= .high else { return }
    let sector = tables.text(incident.sector).lowercased()
    if incident.facility == facility || (!facilityID.isEmpty && sector == facilityID)
      || (!region.isEmpty && sector == region)
    {
      count += 1
    }
  }
  return count
}
