/// How often the simulator does what, in simulated time. Intervals are drawn uniformly from
/// half to one and a half times their mean, so the feed is regular enough to follow.
///
/// The defaults keep a demo at speed 60 (one simulated minute per wall second) lively but
/// readable: about 10 to 15 events per simulated hour, one every 4 to 6 seconds, more while
/// officers approve airlifts (each approval brings a departure and a landing).
public struct SimulationRates: Sendable, Equatable {
  /// Mean simulated time between new airlift requests.
  public var requestInterval: Duration = .seconds(20 * 60)
  /// No new request while this many airlifts await a decision (pending, awaiting-second,
  /// held), so an unattended floor does not pile up work.
  public var maxAwaitingDecision = 8
  /// Mean time between border incident reports (Anbar and Nineveh sectors).
  public var incidentInterval: Duration = .seconds(25 * 60)
  /// Share of border incidents that are critical.
  public var criticalShare = 0.04
  /// Mean time between updates of an unresolved border incident.
  public var incidentUpdateInterval: Duration = .seconds(40 * 60)
  /// Mean time between the reporting unit closing an acknowledged border incident.
  public var incidentResolveInterval: Duration = .seconds(35 * 60)
  /// An acknowledged incident is closed only after being open this long.
  public var minimumIncidentAge: Duration = .seconds(60 * 60)
  /// Mean time between repatriations out of an Iraqi facility.
  public var repatriationInterval: Duration = .seconds(6 * 3600)
  /// Mean time between occupancy corrections (a recount) at some facility.
  public var correctionInterval: Duration = .seconds(9 * 3600)
  /// How often a Syrian site running short of detainees to send (fewer than 400 not yet
  /// promised to an airlift) takes in 100 to 400 from other sites in the north-east.
  public var intakeInterval: Duration = .seconds(3 * 3600)
  /// Time from an approval (as the simulator sees it) to the departure, drawn uniformly, in
  /// seconds.
  public var departureDelay: ClosedRange<Int> = 4 * 60...20 * 60
  /// Flight time, drawn uniformly, in seconds.
  public var flightTime: ClosedRange<Int> = 60 * 60...180 * 60
  /// How long a departure waits when its origin or destination is not open, in seconds.
  public var groundHold = 20 * 60
  /// Share of landings with a shortfall (1 to 3 detainees fewer than the manifest).
  public var shortfallShare = 0.03

  public init() {}

  /// The rates the demo and `watchfloor simulate` use.
  public static let standard = SimulationRates()
}
