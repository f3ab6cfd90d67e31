import Testing

@testable import WatchfloorModel

@Suite("Decision kinds")
struct DecisionKindTests {
  @Test("each kind names its event, verb, reason rule and subject")
  func table() {
    #expect(
      DecisionKind.allCases.map(\.eventTypeName) == [
        "airlift.approved", "airlift.denied", "airlift.held", "airlift.cancelled",
        "airlift.diverted", "incident.acknowledged",
      ])
    #expect(
      DecisionKind.allCases.map(\.verb) == [
        "approve", "deny", "hold", "cancel", "divert", "acknowledge",
      ])
    #expect(
      DecisionKind.allCases.map(\.title) == [
        "Approve", "Deny", "Hold", "Cancel", "Divert", "Acknowledge",
      ])
    #expect(DecisionKind.allCases.filter(\.needsReason) == [.deny, .hold, .cancel])
    #expect(DecisionKind.allCases.filter(\.takesReason) == [.deny, .hold, .cancel, .divert])
    #expect(DecisionKind.allCases.filter(\.needsDestination) == [.divert])
    #expect(DecisionKind.allCases.filter(\.targetsIncident) == [.acknowledge])
    // The spec makes `by` optional on cancellations and diversions (a feed may write them);
    // Watchfloor writes it on every decision all the same.
    #expect(
      DecisionKind.allCases.filter { $0.eventType.isDecision } == [
        .approve, .deny, .hold, .acknowledge,
      ])
  }

  @Test("a policy decision built from a kind keeps the kind, the subject and the reason")
  func decisionRoundTrip() {
    let subject = Symbol(7)
    for kind in DecisionKind.allCases {
      let decision = Decision(kind: kind, subject: subject, reason: "weather")
      #expect(decision.kind == kind)
      #expect(decision.verb == kind.verb)
    }
    #expect(
      Decision(kind: .deny, subject: subject, reason: "r") == .deny(airlift: subject, reason: "r"))
    #expect(Decision(kind: .acknowledge, subject: subject) == .acknowledge(incident: subject))
  }
}

@Suite("Load levels")
struct LoadLevelTests {
  @Test("the thresholds: full at 100%, over above it, far over above 150%")
  func thresholds() {
    #expect(LoadLevel(occupancy: 999, capacity: 1000) == .underCapacity)
    #expect(LoadLevel(occupancy: 1000, capacity: 1000) == .full)
    #expect(LoadLevel(occupancy: 1001, capacity: 1000) == .overCapacity)
    #expect(LoadLevel(occupancy: 1500, capacity: 1000) == .overCapacity)
    #expect(LoadLevel(occupancy: 1501, capacity: 1000) == .farOverCapacity)
    #expect(LoadLevel(occupancy: 5, capacity: 0) == .unknown)
    #expect(LoadLevel(occupancy: Int64.max, capacity: 1) == .farOverCapacity)
    #expect(LoadLevel(projected: Int128(Int64.max) * 4, capacity: Int64.max) == .farOverCapacity)
  }

  @Test("marks and words")
  func marks() {
    #expect(LoadLevel.allCases.map(\.mark) == ["", "", "!", "!", "!!"])
    #expect(LoadLevel.allCases.filter(\.isOverCapacity) == [.overCapacity, .farOverCapacity])
    #expect(LoadLevel.farOverCapacity.words == "far over capacity")
    #expect(LoadLevel.overCapacity.words == "over capacity")
  }

  @Test("percentages are whole, rounded half away from zero, exact for absurd counts")
  func percentText() {
    #expect(LoadLevel.percentText(occupancy: 6476, capacity: 3000) == "216%")
    #expect(LoadLevel.percentText(occupancy: 900, capacity: 900) == "100%")
    #expect(LoadLevel.percentText(occupancy: 1, capacity: 200) == "1%")  // 0.5% rounds up
    #expect(LoadLevel.percentText(occupancy: 1, capacity: 201) == "0%")
    #expect(LoadLevel.percentText(occupancy: -1, capacity: 200) == "-1%")
    #expect(LoadLevel.percentText(occupancy: 10, capacity: 0) == "n/a")
    #expect(
      LoadLevel.percentText(occupancy: Int64.max, capacity: 1) == "\(Int128(Int64.max) * 100)%")
  }
}
