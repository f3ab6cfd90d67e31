// The sample log of samples/, embedded so that the demo runs from any directory.
// Generated from samples/*.jsonl; DemoScenarioTests checks the text byte for byte against
// the files. Regenerate after the samples change.

extension DemoScenario {
  /// `samples/2026-01-21.jsonl`.
  static let january21 = #"""
    {"id": "ev-0121-0001", "ts": "2026-01-21T04:00:00Z", "type": "facility.registered", "facility": "ghwayran", "name": "al-Ghwayran (al-Sina'a) Prison", "region": "Hasakah", "side": "SY", "capacity": 5000, "occupancy": 4300, "security": "maximum"}
    {"id": "ev-0121-0002", "ts": "2026-01-21T04:00:30Z", "type": "facility.registered", "facility": "hasakah", "name": "Hasakah Detention Centre", "region": "Hasakah", "side": "SY", "capacity": 1500, "occupancy": 1400, "security": "high"}
    {"id": "ev-0121-0003", "ts": "2026-01-21T04:01:00Z", "type": "facility.registered", "facility": "hol", "name": "al-Hol Camp Detention Annex", "region": "Hasakah", "side": "SY", "capacity": 1000, "occupancy": 820, "security": "medium"}
    {"id": "ev-0121-0004", "ts": "2026-01-21T04:01:30Z", "type": "facility.registered", "facility": "qamishli", "name": "Qamishli Holding Facility", "region": "Hasakah", "side": "SY", "capacity": 800, "occupancy": 690, "security": "high"}
    {"id": "ev-0121-0005", "ts": "2026-01-21T04:02:00Z", "type": "facility.registered", "facility": "nasiriyah", "name": "Nasiriyah Prison", "region": "Dhi Qar", "side": "IQ", "capacity": 4200, "occupancy": 8150, "security": "maximum"}
    {"id": "ev-0121-0006", "ts": "2026-01-21T04:02:30Z", "type": "facility.registered", "facility": "karkh", "name": "Karkh Prison", "region": "Baghdad", "side": "IQ", "capacity": 3000, "occupancy": 5740, "security": "maximum"}
    {"id": "ev-0121-0007", "ts": "2026-01-21T04:03:00Z", "type": "facility.registered", "facility": "sulaymaniyah", "name": "Sulaymaniyah Detention Facility", "region": "Kurdistan Region", "side": "IQ", "capacity": 900, "occupancy": 610, "security": "high"}
    {"id": "ev-0121-0008", "ts": "2026-01-21T04:40:00Z", "type": "incident.reported", "incident": "INC-0121-01", "sector": "nineveh-sinjar", "severity": "info", "kind": "deployment", "summary": "Additional PMF units deployed along the Nineveh border since 18 Jan; positions reported manned", "by": "border-ops"}
    {"id": "ev-0121-0009", "ts": "2026-01-21T04:45:00Z", "type": "incident.reported", "incident": "INC-0121-02", "sector": "anbar-west", "severity": "info", "kind": "deployment", "summary": "Army units reinforced along Anbar's frontier with Syria", "by": "border-ops"}
    {"id": "ev-0121-0010", "ts": "2026-01-21T05:05:00Z", "type": "incident.acknowledged", "incident": "INC-0121-01", "by": "hassan"}
    {"id": "ev-0121-0011", "ts": "2026-01-21T05:06:00Z", "type": "incident.acknowledged", "incident": "INC-0121-02", "by": "hassan"}
    {"id": "ev-0121-0012", "ts": "2026-01-21T05:30:00Z", "type": "airlift.requested", "airlift": "AL-0121-01", "origin": "hasakah", "destination": "karkh", "detainees": 150, "high_value": 150, "etd": "2026-01-21T09:00:00Z", "priority": "urgent", "note": "CENTCOM: first transfer from Hasakah; NCTC high-value list, batch 1", "by": "centcom-liaison"}
    {"id": "ev-0121-0013", "ts": "2026-01-21T05:52:14Z", "type": "airlift.approved", "airlift": "AL-0121-01", "note": "Manifest checked against the NCTC list", "by": "hassan"}
    {"id": "ev-0121-0014", "ts": "2026-01-21T06:10:40Z", "type": "airlift.approved", "airlift": "AL-0121-01", "note": "Second approval; escort confirmed", "by": "layla"}
    {"id": "ev-0121-0015", "ts": "2026-01-21T07:20:00Z", "type": "incident.reported", "incident": "INC-0121-03", "sector": "Hasakah", "severity": "medium", "kind": "custody", "summary": "Guard handover at al-Ghwayran from SDF to Syrian government forces under way; movement schedule may slip", "facility": "ghwayran", "by": "hasakah-liaison"}
    {"id": "ev-0121-0016", "ts": "2026-01-21T07:31:00Z", "type": "incident.acknowledged", "incident": "INC-0121-03", "by": "layla"}
    {"id": "ev-0121-0017", "ts": "2026-01-21T08:58:20Z", "type": "airlift.departed", "airlift": "AL-0121-01"}
    {"id": "ev-0121-0018", "ts": "2026-01-21T10:47:05Z", "type": "airlift.landed", "airlift": "AL-0121-01"}
    {"id": "ev-0121-0019", "ts": "2026-01-21T11:40:00Z", "type": "airlift.requested", "airlift": "AL-0121-02", "origin": "ghwayran", "destination": "nasiriyah", "detainees": 120, "high_value": 30, "etd": "2026-01-21T22:30:00Z", "note": "NCTC high-value list, batch 2", "by": "centcom-liaison"}
    {"id": "ev-0121-0020", "ts": "2026-01-21T14:10:00Z", "type": "incident.reported", "incident": "INC-0121-04", "sector": "rabia", "severity": "medium", "kind": "infiltration", "summary": "Small armed group reported on a smuggling route near Rabia; PMF patrol dispatched", "by": "border-ops"}
    {"id": "ev-0121-0021", "ts": "2026-01-21T14:16:00Z", "type": "incident.acknowledged", "incident": "INC-0121-04", "by": "karim"}
    {"id": "ev-0121-0022", "ts": "2026-01-21T15:05:00Z", "type": "airlift.approved", "airlift": "AL-0121-02", "by": "karim"}
    {"id": "ev-0121-0023", "ts": "2026-01-21T16:40:00Z", "type": "incident.updated", "incident": "INC-0121-04", "severity": "low", "summary": "Patrol found tracks near Rabia, no contact; route watched overnight", "by": "border-ops"}
    {"id": "ev-0121-0024", "ts": "2026-01-21T18:05:00Z", "type": "incident.resolved", "incident": "INC-0121-04", "note": "No contact; handed to the night watch", "by": "karim"}
    {"id": "ev-0121-0025", "ts": "2026-01-21T18:30:00Z", "type": "airlift.approved", "airlift": "AL-0121-02", "by": "noor"}
    {"id": "ev-0121-0026", "ts": "2026-01-21T19:30:00Z", "type": "airlift.requested", "airlift": "AL-0121-03", "origin": "qamishli", "destination": "sulaymaniyah", "detainees": 45, "high_value": 0, "etd": "2026-01-22T07:30:00Z", "by": "omar"}
    {"id": "ev-0121-0027", "ts": "2026-01-21T20:40:00Z", "type": "incident.reported", "incident": "INC-0121-05", "sector": "rabia", "severity": "low", "kind": "sighting", "summary": "Unidentified drone seen over the border near Rabia", "by": "border-ops"}
    {"id": "ev-0121-0028", "ts": "2026-01-21T20:46:00Z", "type": "incident.acknowledged", "incident": "INC-0121-05", "by": "noor"}
    {"id": "ev-0121-0029", "ts": "2026-01-21T21:35:00Z", "type": "incident.resolved", "incident": "INC-0121-05", "note": "Identified as an Iraqi army surveillance drone", "by": "noor"}
    {"id": "ev-0121-0030", "ts": "2026-01-21T22:31:40Z", "type": "airlift.departed", "airlift": "AL-0121-02"}

    """#

  /// `samples/2026-01-22.jsonl`.
  static let january22 = #"""
    {"id": "ev-0122-0001", "ts": "2026-01-22T01:04:50Z", "type": "airlift.landed", "airlift": "AL-0121-02"}
    {"id": "ev-0122-0002", "ts": "2026-01-22T05:00:00Z", "type": "facility.registered", "facility": "south-site", "name": "Secure site, southern Iraq", "region": "Southern Iraq", "side": "IQ", "capacity": 1500, "occupancy": 0, "security": "maximum"}
    {"id": "ev-0122-0003", "ts": "2026-01-22T05:40:00Z", "type": "airlift.requested", "airlift": "AL-0122-01", "origin": "ghwayran", "destination": "karkh", "detainees": 160, "high_value": 20, "etd": "2026-01-22T10:00:00Z", "by": "centcom-liaison"}
    {"id": "ev-0122-0004", "ts": "2026-01-22T06:10:00Z", "type": "airlift.approved", "airlift": "AL-0121-03", "by": "karim"}
    {"id": "ev-0122-0005", "ts": "2026-01-22T06:25:00Z", "type": "airlift.approved", "airlift": "AL-0122-01", "by": "layla"}
    {"id": "ev-0122-0006", "ts": "2026-01-22T06:41:00Z", "type": "airlift.approved", "airlift": "AL-0122-01", "by": "hassan"}
    {"id": "ev-0122-0007", "ts": "2026-01-22T07:10:00Z", "type": "airlift.requested", "airlift": "AL-0122-02", "origin": "hasakah", "destination": "nasiriyah", "detainees": 140, "high_value": 0, "etd": "2026-01-22T12:00:00Z", "by": "rana"}
    {"id": "ev-0122-0008", "ts": "2026-01-22T07:32:00Z", "type": "airlift.departed", "airlift": "AL-0121-03"}
    {"id": "ev-0122-0009", "ts": "2026-01-22T07:33:00Z", "type": "airlift.approved", "airlift": "AL-0122-02", "by": "hassan"}
    {"id": "ev-0122-0010", "ts": "2026-01-22T07:40:00Z", "type": "incident.reported", "incident": "INC-0122-01", "sector": "anbar-west", "severity": "high", "kind": "security", "summary": "Army and intelligence units tracking a suspected suicide bomber near the border in Anbar", "by": "anbar-command"}
    {"id": "ev-0122-0011", "ts": "2026-01-22T07:44:00Z", "type": "incident.acknowledged", "incident": "INC-0122-01", "by": "layla"}
    {"id": "ev-0122-0012", "ts": "2026-01-22T08:00:00Z", "type": "airlift.requested", "airlift": "AL-0122-03", "origin": "ghwayran", "destination": "karkh", "detainees": 150, "high_value": 45, "etd": "2026-01-22T13:00:00Z", "priority": "urgent", "note": "NCTC high-value list, batch 3", "by": "centcom-liaison"}
    {"id": "ev-0122-0013", "ts": "2026-01-22T08:20:00Z", "type": "airlift.approved", "airlift": "AL-0122-03", "by": "layla"}
    {"id": "ev-0122-0014", "ts": "2026-01-22T08:41:00Z", "type": "airlift.landed", "airlift": "AL-0121-03"}
    {"id": "ev-0122-0015", "ts": "2026-01-22T08:55:00Z", "type": "incident.updated", "incident": "INC-0122-01", "severity": "critical", "summary": "Militant wearing an explosives belt arrested in Anbar after surveillance; suicide bombing foiled", "by": "anbar-command"}
    {"id": "ev-0122-0016", "ts": "2026-01-22T09:01:00Z", "type": "incident.acknowledged", "incident": "INC-0122-01", "by": "hassan"}
    {"id": "ev-0122-0017", "ts": "2026-01-22T09:05:00Z", "type": "incident.resolved", "incident": "INC-0121-03", "note": "Handover completed; Syrian government forces guard al-Ghwayran", "by": "layla"}
    {"id": "ev-0122-0018", "ts": "2026-01-22T09:15:00Z", "type": "airlift.held", "airlift": "AL-0122-03", "reason": "Hold until the Anbar threat assessment after this morning's arrest", "by": "karim"}
    {"id": "ev-0122-0019", "ts": "2026-01-22T09:30:00Z", "type": "airlift.requested", "airlift": "AL-0122-04", "origin": "hol", "destination": "sulaymaniyah", "detainees": 60, "high_value": 0, "etd": "2026-01-22T13:20:00Z", "by": "omar"}
    {"id": "ev-0122-0020", "ts": "2026-01-22T09:52:00Z", "type": "airlift.approved", "airlift": "AL-0122-04", "by": "layla"}
    {"id": "ev-0122-0021", "ts": "2026-01-22T10:04:30Z", "type": "airlift.departed", "airlift": "AL-0122-01"}
    {"id": "ev-0122-0022", "ts": "2026-01-22T10:20:00Z", "type": "incident.reported", "incident": "INC-0122-02", "sector": "nineveh-sinjar", "severity": "medium", "kind": "infiltration", "summary": "PMF reports a suspected sleeper cell moving between villages in Sinjar district", "by": "border-ops"}
    {"id": "ev-0122-0023", "ts": "2026-01-22T10:31:00Z", "type": "incident.acknowledged", "incident": "INC-0122-02", "by": "karim"}
    {"id": "ev-0122-0024", "ts": "2026-01-22T11:00:00Z", "type": "airlift.requested", "airlift": "AL-0122-05", "origin": "ghwayran", "destination": "nasiriyah", "detainees": 180, "high_value": 15, "etd": "2026-01-22T15:00:00Z", "by": "centcom-liaison"}
    {"id": "ev-0122-0025", "ts": "2026-01-22T11:20:00Z", "type": "airlift.approved", "airlift": "AL-0122-05", "by": "hassan"}
    {"id": "ev-0122-0026", "ts": "2026-01-22T11:30:00Z", "type": "incident.resolved", "incident": "INC-0122-01", "note": "Belt made safe; suspect in custody; no further threat on the route", "by": "hassan"}
    {"id": "ev-0122-0027", "ts": "2026-01-22T11:36:00Z", "type": "airlift.approved", "airlift": "AL-0122-05", "by": "karim"}
    {"id": "ev-0122-0028", "ts": "2026-01-22T11:49:40Z", "type": "airlift.landed", "airlift": "AL-0122-01"}
    {"id": "ev-0122-0029", "ts": "2026-01-22T12:00:00Z", "type": "incident.reported", "incident": "INC-0122-03", "sector": "Hasakah", "severity": "high", "kind": "breakout", "summary": "Unconfirmed reports of escapes from a detention site in Hasakah governorate during the guard handover", "by": "hasakah-liaison"}
    {"id": "ev-0122-0030", "ts": "2026-01-22T12:06:00Z", "type": "incident.acknowledged", "incident": "INC-0122-03", "by": "hassan"}
    {"id": "ev-0122-0031", "ts": "2026-01-22T12:09:00Z", "type": "airlift.departed", "airlift": "AL-0122-02"}
    {"id": "ev-0122-0032", "ts": "2026-01-22T12:30:00Z", "type": "airlift.requested", "airlift": "AL-0122-06", "origin": "qamishli", "destination": "karkh", "detainees": 90, "high_value": 0, "etd": "2026-01-22T16:30:00Z", "by": "rana"}
    {"id": "ev-0122-0033", "ts": "2026-01-22T12:51:00Z", "type": "airlift.denied", "airlift": "AL-0122-06", "reason": "Karkh above 200% of capacity; resubmit for Sulaymaniyah", "by": "hassan"}
    {"id": "ev-0122-0034", "ts": "2026-01-22T13:05:00Z", "type": "airlift.requested", "airlift": "AL-0122-07", "origin": "qamishli", "destination": "sulaymaniyah", "detainees": 90, "high_value": 0, "etd": "2026-01-22T16:30:00Z", "note": "Resubmission of AL-0122-06", "by": "rana"}
    {"id": "ev-0122-0035", "ts": "2026-01-22T13:10:00Z", "type": "airlift.diverted", "airlift": "AL-0122-05", "destination": "south-site", "reason": "Spread load: Nasiriyah near 200% of capacity", "by": "layla"}
    {"id": "ev-0122-0036", "ts": "2026-01-22T13:18:00Z", "type": "airlift.departed", "airlift": "AL-0122-04"}
    {"id": "ev-0122-0037", "ts": "2026-01-22T13:21:00Z", "type": "airlift.approved", "airlift": "AL-0122-07", "by": "layla"}
    {"id": "ev-0122-0038", "ts": "2026-01-22T14:29:00Z", "type": "airlift.landed", "airlift": "AL-0122-04"}
    {"id": "ev-0122-0039", "ts": "2026-01-22T14:36:00Z", "type": "airlift.landed", "airlift": "AL-0122-02"}
    {"id": "ev-0122-0040", "ts": "2026-01-22T15:02:00Z", "type": "airlift.departed", "airlift": "AL-0122-05"}
    {"id": "ev-0122-0041", "ts": "2026-01-22T15:10:00Z", "type": "incident.updated", "incident": "INC-0122-03", "summary": "Syrian government forces report the perimeter restored; number of escapees unconfirmed", "by": "hasakah-liaison"}
    {"id": "ev-0122-0042", "ts": "2026-01-22T15:30:00Z", "type": "airlift.approved", "airlift": "AL-0122-03", "note": "Released from hold: Anbar threat cleared", "by": "karim"}
    {"id": "ev-0122-0043", "ts": "2026-01-22T15:46:00Z", "type": "airlift.approved", "airlift": "AL-0122-03", "by": "layla"}
    {"id": "ev-0122-0044", "ts": "2026-01-22T16:00:00Z", "type": "airlift.requested", "airlift": "AL-0122-08", "origin": "hasakah", "destination": "karkh", "detainees": 130, "high_value": 60, "etd": "2026-01-22T21:00:00Z", "note": "NCTC high-value list, batch 4", "by": "centcom-liaison"}
    {"id": "ev-0122-0045", "ts": "2026-01-22T16:31:00Z", "type": "airlift.departed", "airlift": "AL-0122-07"}
    {"id": "ev-0122-0046", "ts": "2026-01-22T17:02:00Z", "type": "airlift.departed", "airlift": "AL-0122-03"}
    {"id": "ev-0122-0047", "ts": "2026-01-22T17:34:00Z", "type": "airlift.landed", "airlift": "AL-0122-05"}
    {"id": "ev-0122-0048", "ts": "2026-01-22T17:38:00Z", "type": "airlift.landed", "airlift": "AL-0122-07"}
    {"id": "ev-0122-0049", "ts": "2026-01-22T18:10:00Z", "type": "airlift.approved", "airlift": "AL-0122-08", "by": "noor"}
    {"id": "ev-0122-0050", "ts": "2026-01-22T18:26:00Z", "type": "airlift.approved", "airlift": "AL-0122-08", "by": "karim"}
    {"id": "ev-0122-0051", "ts": "2026-01-22T18:47:00Z", "type": "airlift.landed", "airlift": "AL-0122-03"}
    {"id": "ev-0122-0052", "ts": "2026-01-22T19:10:00Z", "type": "incident.reported", "incident": "INC-0122-04", "sector": "Baghdad", "severity": "low", "kind": "overcrowding", "summary": "Karkh holds over 200% of its capacity after today's arrivals; spread further transfers to other sites", "facility": "karkh", "by": "karkh-duty"}
    {"id": "ev-0122-0053", "ts": "2026-01-22T19:21:00Z", "type": "incident.acknowledged", "incident": "INC-0122-04", "by": "noor"}
    {"id": "ev-0122-0054", "ts": "2026-01-22T18:05:00Z", "type": "incident.reported", "incident": "INC-0122-05", "sector": "anbar-qaim", "severity": "low", "kind": "smuggling", "summary": "Vehicle turned back at the al-Qaim crossing; fuel and phones seized (field report, logged late)", "by": "anbar-command"}
    {"id": "ev-0122-0055", "ts": "2026-01-22T20:36:00Z", "type": "incident.acknowledged", "incident": "INC-0122-05", "by": "noor"}
    {"id": "ev-0122-0056", "ts": "2026-01-22T20:40:00Z", "type": "airlift.requested", "airlift": "AL-0122-09", "origin": "hol", "destination": "south-site", "detainees": 70, "high_value": 0, "etd": "2026-01-22T23:00:00Z", "by": "omar"}
    {"id": "ev-0122-0057", "ts": "2026-01-22T21:01:00Z", "type": "airlift.departed", "airlift": "AL-0122-08"}
    {"id": "ev-0122-0058", "ts": "2026-01-22T21:05:00Z", "type": "airlift.approved", "airlift": "AL-0122-09", "by": "noor"}
    {"id": "ev-0122-0059", "ts": "2026-01-22T22:49:00Z", "type": "airlift.landed", "airlift": "AL-0122-08"}
    {"id": "ev-0122-0060", "ts": "2026-01-22T23:04:00Z", "type": "airlift.departed", "airlift": "AL-0122-09"}

    """#

  /// `samples/2026-01-23.jsonl`.
  static let january23 = #"""
    {"id": "ev-0123-0001", "ts": "2026-01-23T01:38:00Z", "type": "airlift.landed", "airlift": "AL-0122-09"}
    {"id": "ev-0123-0002", "ts": "2026-01-23T05:30:00Z", "type": "airlift.requested", "airlift": "AL-0123-01", "origin": "ghwayran", "destination": "nasiriyah", "detainees": 200, "high_value": 10, "etd": "2026-01-23T08:00:00Z", "by": "centcom-liaison"}
    {"id": "ev-0123-0003", "ts": "2026-01-23T05:50:00Z", "type": "airlift.approved", "airlift": "AL-0123-01", "by": "hassan"}
    {"id": "ev-0123-0004", "ts": "2026-01-23T06:05:00Z", "type": "airlift.approved", "airlift": "AL-0123-01", "by": "layla"}
    {"id": "ev-0123-0005", "ts": "2026-01-23T06:10:00Z", "type": "airlift.requested", "airlift": "AL-0123-02", "origin": "hasakah", "destination": "nasiriyah", "detainees": 120, "high_value": 0, "etd": "2026-01-23T09:00:00Z", "by": "rana"}
    {"id": "ev-0123-0006", "ts": "2026-01-23T06:31:00Z", "type": "airlift.approved", "airlift": "AL-0123-02", "by": "karim"}
    {"id": "ev-0123-0007", "ts": "2026-01-23T06:40:00Z", "type": "incident.reported", "incident": "INC-0123-01", "sector": "rabia", "severity": "high", "kind": "infiltration", "summary": "Armed group tried to cross on a rugged route near the Turkish border; PMF engaged, group withdrew", "by": "border-ops"}
    {"id": "ev-0123-0008", "ts": "2026-01-23T06:49:00Z", "type": "incident.acknowledged", "incident": "INC-0123-01", "by": "karim"}
    {"id": "ev-0123-0009", "ts": "2026-01-23T07:00:00Z", "type": "airlift.requested", "airlift": "AL-0123-03", "origin": "ghwayran", "destination": "karkh", "detainees": 160, "high_value": 80, "etd": "2026-01-23T10:30:00Z", "priority": "urgent", "note": "NCTC high-value list, batch 5", "by": "centcom-liaison"}
    {"id": "ev-0123-0010", "ts": "2026-01-23T07:20:00Z", "type": "airlift.approved", "airlift": "AL-0123-03", "by": "layla"}
    {"id": "ev-0123-0011", "ts": "2026-01-23T07:36:00Z", "type": "airlift.approved", "airlift": "AL-0123-03", "by": "hassan"}
    {"id": "ev-0123-0012", "ts": "2026-01-23T08:01:00Z", "type": "airlift.departed", "airlift": "AL-0123-01"}
    {"id": "ev-0123-0013", "ts": "2026-01-23T08:15:00Z", "type": "airlift.requested", "airlift": "AL-0123-04", "origin": "qamishli", "destination": "sulaymaniyah", "detainees": 95, "high_value": 0, "etd": "2026-01-23T12:00:00Z", "by": "omar"}
    {"id": "ev-0123-0014", "ts": "2026-01-23T08:31:00Z", "type": "airlift.approved", "airlift": "AL-0123-04", "by": "karim"}
    {"id": "ev-0123-0015", "ts": "2026-01-23T09:00:30Z", "type": "airlift.requested", "airlift": "AL-0123-05", "origin": "ghwayran", "destination": "south-site", "detainees": 200, "high_value": 25, "etd": "2026-01-23T13:30:00Z", "by": "centcom-liaison"}
    {"id": "ev-0123-0016", "ts": "2026-01-23T09:02:00Z", "type": "airlift.departed", "airlift": "AL-0123-02"}
    {"id": "ev-0123-0017", "ts": "2026-01-23T09:20:00Z", "type": "airlift.approved", "airlift": "AL-0123-05", "by": "noor"}
    {"id": "ev-0123-0018", "ts": "2026-01-23T09:30:00Z", "type": "incident.resolved", "incident": "INC-0122-02", "note": "PMF raid in Sinjar district; suspects detained", "by": "karim"}
    {"id": "ev-0123-0019", "ts": "2026-01-23T09:41:00Z", "type": "airlift.approved", "airlift": "AL-0123-05", "by": "layla"}
    {"id": "ev-0123-0020", "ts": "2026-01-23T10:00:00Z", "type": "airlift.requested", "airlift": "AL-0123-06", "origin": "hol", "destination": "karkh", "detainees": 50, "high_value": 0, "etd": "2026-01-23T14:00:00Z", "by": "omar"}
    {"id": "ev-0123-0021", "ts": "2026-01-23T10:16:00Z", "type": "airlift.approved", "airlift": "AL-0123-06", "by": "hassan"}
    {"id": "ev-0123-0022", "ts": "2026-01-23T10:29:00Z", "type": "airlift.departed", "airlift": "AL-0123-03"}
    {"id": "ev-0123-0023", "ts": "2026-01-23T10:33:00Z", "type": "airlift.landed", "airlift": "AL-0123-01"}
    {"id": "ev-0123-0024", "ts": "2026-01-23T10:45:00Z", "type": "incident.reported", "incident": "INC-0123-02", "sector": "Baghdad", "severity": "high", "kind": "disturbance", "summary": "Disturbance in a wing of Karkh Prison; facility in lockdown", "facility": "karkh", "by": "karkh-duty"}
    {"id": "ev-0123-0025", "ts": "2026-01-23T10:48:00Z", "type": "facility.updated", "facility": "karkh", "status": "lockdown", "by": "karkh-duty"}
    {"id": "ev-0123-0026", "ts": "2026-01-23T10:51:00Z", "type": "incident.acknowledged", "incident": "INC-0123-02", "by": "hassan"}
    {"id": "ev-0123-0027", "ts": "2026-01-23T11:04:00Z", "type": "airlift.diverted", "airlift": "AL-0123-03", "destination": "south-site", "reason": "Karkh in lockdown; divert in flight to the southern site", "by": "hassan"}
    {"id": "ev-0123-0028", "ts": "2026-01-23T11:26:00Z", "type": "airlift.landed", "airlift": "AL-0123-02", "delivered": 118}
    {"id": "ev-0123-0029", "ts": "2026-01-23T11:35:00Z", "type": "incident.reported", "incident": "INC-0123-03", "sector": "Dhi Qar", "severity": "medium", "kind": "headcount", "summary": "AL-0123-02 landed at Nasiriyah with 118 of 120 detainees on the manifest", "facility": "nasiriyah", "by": "nasiriyah-duty"}
    {"id": "ev-0123-0030", "ts": "2026-01-23T11:41:00Z", "type": "incident.acknowledged", "incident": "INC-0123-03", "by": "noor"}
    {"id": "ev-0123-0031", "ts": "2026-01-23T12:00:00Z", "type": "facility.updated", "facility": "south-site", "capacity": 2000, "by": "hassan"}
    {"id": "ev-0123-0032", "ts": "2026-01-23T12:00:45Z", "type": "airlift.requested", "airlift": "AL-0123-07", "origin": "hasakah", "destination": "karkh", "detainees": 150, "high_value": 40, "etd": "2026-01-23T16:00:00Z", "by": "centcom-liaison"}
    {"id": "ev-0123-0033", "ts": "2026-01-23T12:02:00Z", "type": "airlift.departed", "airlift": "AL-0123-04"}
    {"id": "ev-0123-0034", "ts": "2026-01-23T12:40:00Z", "type": "airlift.cancelled", "airlift": "AL-0123-06", "reason": "Aircraft unserviceable; detainees to be re-manifested", "by": "hassan"}
    {"id": "ev-0123-0035", "ts": "2026-01-23T12:47:00Z", "type": "airlift.landed", "airlift": "AL-0123-03"}
    {"id": "ev-0123-0036", "ts": "2026-01-23T13:00:00Z", "type": "incident.reported", "incident": "INC-0123-04", "sector": "anbar-west", "severity": "info", "kind": "notice", "summary": "US forces have left Ain al-Asad airbase; Iraqi forces hold the base, coalition advisers only", "by": "anbar-command"}
    {"id": "ev-0123-0037", "ts": "2026-01-23T13:09:00Z", "type": "airlift.landed", "airlift": "AL-0123-04"}
    {"id": "ev-0123-0038", "ts": "2026-01-23T13:12:00Z", "type": "incident.acknowledged", "incident": "INC-0123-04", "by": "layla"}
    {"id": "ev-0123-0039", "ts": "2026-01-23T13:31:00Z", "type": "airlift.departed", "airlift": "AL-0123-05"}
    {"id": "ev-0123-0040", "ts": "2026-01-23T14:00:00Z", "type": "airlift.requested", "airlift": "AL-0123-08", "origin": "ghwayran", "destination": "nasiriyah", "detainees": 200, "high_value": 0, "etd": "2026-01-23T18:30:00Z", "by": "rana"}
    {"id": "ev-0123-0041", "ts": "2026-01-23T14:05:00Z", "type": "incident.resolved", "incident": "INC-0123-03", "note": "Two detainees taken off the aircraft at Hasakah for medical treatment after departure was logged; Hasakah headcount corrected", "by": "layla"}
    {"id": "ev-0123-0042", "ts": "2026-01-23T14:06:00Z", "type": "facility.updated", "facility": "hasakah", "occupancy": 862, "by": "layla"}
    {"id": "ev-0123-0043", "ts": "2026-01-23T14:20:00Z", "type": "airlift.approved", "airlift": "AL-0123-08", "by": "layla"}
    {"id": "ev-0123-0044", "ts": "2026-01-23T14:50:00Z", "type": "incident.updated", "incident": "INC-0123-01", "summary": "PMF reinforced the Rabia sector; no new crossing attempt", "by": "border-ops"}
    {"id": "ev-0123-0045", "ts": "2026-01-23T15:25:00Z", "type": "incident.resolved", "incident": "INC-0123-02", "note": "Order restored; lockdown lifted", "by": "hassan"}
    {"id": "ev-0123-0046", "ts": "2026-01-23T15:28:00Z", "type": "facility.updated", "facility": "karkh", "status": "open", "by": "karkh-duty"}
    {"id": "ev-0123-0047", "ts": "2026-01-23T15:34:00Z", "type": "airlift.approved", "airlift": "AL-0123-07", "note": "Karkh out of lockdown", "by": "karim"}
    {"id": "ev-0123-0048", "ts": "2026-01-23T15:47:00Z", "type": "airlift.approved", "airlift": "AL-0123-07", "by": "noor"}
    {"id": "ev-0123-0049", "ts": "2026-01-23T16:03:00Z", "type": "airlift.departed", "airlift": "AL-0123-07"}
    {"id": "ev-0123-0050", "ts": "2026-01-23T16:14:00Z", "type": "airlift.landed", "airlift": "AL-0123-05"}
    {"id": "ev-0123-0051", "ts": "2026-01-23T16:40:00Z", "type": "detainees.repatriated", "facility": "karkh", "count": 4, "country": "Bosnia and Herzegovina", "by": "karkh-duty"}
    {"id": "ev-0123-0052", "ts": "2026-01-23T17:00:00Z", "type": "airlift.requested", "airlift": "AL-0123-09", "origin": "hasakah", "destination": "nasiriyah", "detainees": 170, "high_value": 35, "etd": "2026-01-23T22:30:00Z", "by": "centcom-liaison"}
    {"id": "ev-0123-0053", "ts": "2026-01-23T17:31:00Z", "type": "airlift.approved", "airlift": "AL-0123-09", "by": "noor"}
    {"id": "ev-0123-0054", "ts": "2026-01-23T17:46:00Z", "type": "airlift.approved", "airlift": "AL-0123-09", "by": "karim"}
    {"id": "ev-0123-0055", "ts": "2026-01-23T17:52:00Z", "type": "airlift.landed", "airlift": "AL-0123-07"}
    {"id": "ev-0123-0056", "ts": "2026-01-23T18:32:00Z", "type": "airlift.departed", "airlift": "AL-0123-08"}
    {"id": "ev-0123-0057", "ts": "2026-01-23T19:00:00Z", "type": "airlift.requested", "airlift": "AL-0123-10", "origin": "ghwayran", "destination": "south-site", "detainees": 200, "high_value": 20, "etd": "2026-01-24T08:00:00Z", "by": "centcom-liaison"}
    {"id": "ev-0123-0058", "ts": "2026-01-23T19:32:00Z", "type": "airlift.approved", "airlift": "AL-0123-10", "by": "karim"}
    {"id": "ev-0123-0059", "ts": "2026-01-23T19:50:00Z", "type": "incident.updated", "incident": "INC-0122-03", "severity": "medium", "summary": "Syrian authorities report escapees recaptured; figures still unconfirmed", "by": "hasakah-liaison"}
    {"id": "ev-0123-0060", "ts": "2026-01-23T20:15:00Z", "type": "airlift.requested", "airlift": "AL-0123-11", "origin": "qamishli", "destination": "sulaymaniyah", "detainees": 80, "high_value": 0, "etd": "2026-01-24T09:00:00Z", "by": "omar"}
    {"id": "ev-0123-0061", "ts": "2026-01-23T21:00:30Z", "type": "airlift.requested", "airlift": "AL-0123-12", "origin": "hol", "destination": "karkh", "detainees": 50, "high_value": 0, "etd": "2026-01-24T07:00:00Z", "note": "Re-manifest of cancelled AL-0123-06", "by": "omar"}
    {"id": "ev-0123-0062", "ts": "2026-01-23T21:01:00Z", "type": "airlift.landed", "airlift": "AL-0123-08"}
    {"id": "ev-0123-0063", "ts": "2026-01-23T21:22:00Z", "type": "airlift.approved", "airlift": "AL-0123-12", "by": "noor"}
    {"id": "ev-0123-0064", "ts": "2026-01-23T21:40:00Z", "type": "incident.reported", "incident": "INC-0123-05", "sector": "anbar-qaim", "severity": "critical", "kind": "ied", "summary": "IED found on the supply road near al-Qaim; road closed pending clearance", "by": "anbar-command"}
    {"id": "ev-0123-0065", "ts": "2026-01-23T22:15:00Z", "type": "incident.reported", "incident": "INC-0123-06", "sector": "nineveh-sinjar", "severity": "medium", "kind": "infiltration", "summary": "Night movement reported along the border near Sinjar; PMF investigating", "by": "border-ops"}
    {"id": "ev-0123-0066", "ts": "2026-01-23T22:30:00Z", "type": "airlift.requested", "airlift": "AL-0123-13", "origin": "ghwayran", "destination": "karkh", "detainees": 140, "high_value": 50, "etd": "2026-01-24T10:00:00Z", "priority": "urgent", "note": "NCTC high-value list, batch 6", "by": "centcom-liaison"}
    {"id": "ev-0123-0067", "ts": "2026-01-23T22:41:00Z", "type": "airlift.departed", "airlift": "AL-0123-09"}

    """#
}
