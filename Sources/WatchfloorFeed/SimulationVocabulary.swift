import WatchfloorModel

/// The words of the simulated feed: border sectors, incident reports and their follow-ups,
/// requesting liaisons, repatriation countries. Illustrative, in the samples' vocabulary
/// (samples/README.md): the sectors and sources are the samples', the events are invented.
enum SimulationVocabulary {
  /// A border sector in Anbar or Nineveh, where the feed reports incidents.
  struct Sector: Sendable {
    /// The `sector` value, as in the samples.
    let id: String
    /// Where, as a phrase: "near Rabia".
    let place: String
    /// The Iraqi force on that stretch of the border.
    let force: String
    /// The `by` of its reports.
    let source: String
  }

  static let sectors = [
    Sector(id: "rabia", place: "near Rabia", force: "PMF", source: "border-ops"),
    Sector(id: "nineveh-sinjar", place: "near Sinjar", force: "PMF", source: "border-ops"),
    Sector(id: "anbar-qaim", place: "near al-Qaim", force: "Army", source: "anbar-command"),
    Sector(
      id: "anbar-west", place: "in the western Anbar desert", force: "Army",
      source: "anbar-command"),
  ]

  static func sector(_ id: String) -> Sector? { sectors.first { $0.id == id } }

  /// A kind of incident report, with the severities it is reported at (repeated to weight them).
  struct Report: Sendable {
    let kind: String
    let severities: [Severity]
    let summary: @Sendable (Sector) -> String
  }

  static let reports = [
    Report(kind: "infiltration", severities: [.low, .medium, .medium, .high]) {
      "\($0.force) patrol sent after a small armed group seen approaching the border \($0.place)"
    },
    Report(kind: "infiltration", severities: [.medium, .medium, .high]) {
      "Attempted crossing on a rugged route \($0.place); group withdrew after warning shots"
    },
    Report(kind: "infiltration", severities: [.low, .medium]) {
      "Cut in the border fence found \($0.place); \($0.force) search under way"
    },
    Report(kind: "sighting", severities: [.info, .low, .low, .medium]) {
      "Unidentified drone seen over the border \($0.place)"
    },
    Report(kind: "sighting", severities: [.info, .low]) {
      "Vehicle lights moving along the Syrian side of the border \($0.place)"
    },
    Report(kind: "sighting", severities: [.low, .medium]) {
      "Observation post reports armed men watching the border \($0.place)"
    },
    Report(kind: "smuggling", severities: [.low, .low, .medium]) {
      "Vehicle turned back at the border \($0.place); fuel and phones seized"
    },
    Report(kind: "smuggling", severities: [.low, .medium]) {
      "Smuggling party intercepted \($0.place); two men detained"
    },
    Report(kind: "smuggling", severities: [.low, .medium]) {
      "Forged identity papers found on travellers stopped \($0.place)"
    },
    Report(kind: "security", severities: [.medium, .high]) {
      "Informant reports a suspected sleeper cell moving between villages \($0.place)"
    },
    Report(kind: "security", severities: [.medium, .high]) {
      "Suspected cell member arrested at a checkpoint \($0.place)"
    },
    Report(kind: "ied", severities: [.high]) {
      "Suspicious object on the patrol road \($0.place); engineers called"
    },
  ]

  /// The rare critical reports.
  static let criticalReports = [
    Report(kind: "ied", severities: [.critical]) {
      "IED found on the supply road \($0.place); road closed pending clearance"
    },
    Report(kind: "attack", severities: [.critical]) {
      "Border post attacked \($0.place); \($0.force) reinforcements on the way"
    },
  ]

  /// A follow-up of an incident of some kind: a new summary, and the severity it moves to
  /// (nil: unchanged).
  struct FollowUp: Sendable {
    let severity: Severity?
    let summary: @Sendable (Sector) -> String
  }

  /// Follow-ups by kind: one that lowers the severity, one that raises it, one that keeps it.
  static func followUps(kind: String) -> (lower: FollowUp, raise: FollowUp, same: FollowUp) {
    switch kind {
    case "infiltration":
      (
        FollowUp(severity: .low) {
          "Patrol reached the crossing point \($0.place); tracks found, no contact"
        },
        FollowUp(severity: .high) {
          "Second group seen on the same route \($0.place); reinforcements requested"
        },
        FollowUp(severity: nil) { "\($0.force) still searching the area \($0.place)" }
      )
    case "sighting":
      (
        FollowUp(severity: .info) { _ in "Identified as an Iraqi army surveillance drone" },
        FollowUp(severity: .medium) { "Drone seen again over the same positions \($0.place)" },
        FollowUp(severity: nil) { "No further sightings \($0.place); posts on watch" }
      )
    case "smuggling":
      (
        FollowUp(severity: .info) { _ in
          "Seized goods handed to customs; drivers released after questioning"
        },
        FollowUp(severity: .high) {
          "Smugglers fired on the patrol \($0.place) and escaped into Syria"
        },
        FollowUp(severity: nil) { _ in "Detained men handed over for questioning" }
      )
    case "security":
      (
        FollowUp(severity: .low) {
          "Suspects questioned and released; watch on the villages \($0.place) continues"
        },
        FollowUp(severity: .critical) {
          "Cell linked to plans against transfer convoys; raids prepared \($0.place)"
        },
        FollowUp(severity: nil) { "Surveillance of the suspects \($0.place) continues" }
      )
    case "ied", "attack":
      (
        FollowUp(severity: .medium) {
          "Engineers cleared the area; road \($0.place) reopened under escort"
        },
        FollowUp(severity: .critical) {
          "Second device found \($0.place); route stays closed"
        },
        FollowUp(severity: nil) { "Area \($0.place) still closed; clearance under way" }
      )
    default:
      (
        FollowUp(severity: .low) { _ in "Situation calmer; monitoring continues" },
        FollowUp(severity: nil) { _ in "Situation unchanged; monitoring continues" },
        FollowUp(severity: nil) { _ in "Situation unchanged; monitoring continues" }
      )
    }
  }

  /// The note of the reporting unit closing an incident of some kind.
  static func closingNote(kind: String) -> String {
    switch kind {
    case "infiltration": "No contact; sector back to routine watch"
    case "sighting": "No further sightings; closed by the observation posts"
    case "smuggling": "Seizure handed to customs; closed"
    case "security": "Suspects handed to the intelligence service; closed"
    case "ied": "Route cleared and reopened"
    case "attack": "Post reinforced; no further attack"
    default: "Closed by the reporting unit"
    }
  }

  /// Who asks for airlifts: liaisons, never officers who decide (the feed also skips any of
  /// these names the log shows deciding).
  static let liaisons = ["centcom-liaison", "hasakah-liaison", "qamishli-liaison"]
  /// The requester when every liaison name was seen deciding.
  static let fallbackLiaison = "transfer-cell"

  /// Countries that take citizens back (illustrative).
  static let countries = [
    "Bosnia and Herzegovina", "Kosovo", "North Macedonia", "Albania", "Kazakhstan",
    "Uzbekistan", "Tajikistan", "France", "Belgium", "Netherlands",
  ]

  /// The note of a request with high-value detainees.
  static let highValueNote = "NCTC high-value list"

  /// The duty desk of a facility, the `by` of its repatriations and corrections.
  static func dutyDesk(_ facility: String, side: Side) -> String {
    side == .iraq ? "\(facility)-duty" : "hasakah-liaison"
  }
}
