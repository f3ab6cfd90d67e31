import Foundation
import Testing
import WatchfloorProcess

/// `watchfloor cancel` and `watchfloor divert`, the real binary on a copy of the sample log.
@Suite("Cancel and divert from scripts", .serialized)
struct CancelDivertCommandTests {
  @Test("divert --to writes the new destination; state --json shows it; verify keeps the chain")
  func divert() throws {
    let log = try sampleLog()
    let result = try Watchfloor.run([
      "divert", "AL-0123-12", "--to", "south-site", "--log", log.path, "--operator", "hassan",
      "--reason", "Karkh above 200%",
    ])
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.output.contains(#""type":"airlift.diverted""#))
    #expect(
      result.output.contains(
        #""airlift":"AL-0123-12","destination":"south-site","reason":"Karkh above 200%","by":"hassan""#
      ))
    let state = try Watchfloor.run(["state", log.path, "--json"])
    #expect(
      state.output.contains(
        #""airlift": "AL-0123-12",\#n      "status": "approved",\#n      "origin": "hol",\#n      "destination": "south-site""#
      ), "\(state.output)")
    let verify = try Watchfloor.run(["verify", log.path])
    #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
    let validate = try Watchfloor.run(["validate", log.path])
    #expect(validate.status == 0, "\(validate.output)")
  }

  @Test("divert refusals exit 1 with the reason; warnings need --force")
  func divertRefusals() throws {
    let log = try sampleLog()
    let before = try Data(contentsOf: log)
    for (arguments, expected) in [
      (["AL-0123-12", "--to", "nowhere"], #"there is no facility "nowhere""#),
      (["AL-0123-12", "--to", "karkh"], #"is already bound for "karkh": nothing to divert"#),
      (["AL-0123-12", "--to", "hol"], #""hol" is the origin of airlift "AL-0123-12""#),
      (["AL-0123-11", "--to", "karkh"], #"cannot divert airlift "AL-0123-11": it is pending"#),
      (["AL-0123-12", "--to", "nasiriyah"], "warnings (write it anyway with --force)"),
    ] {
      let result = try Watchfloor.run(
        ["divert"] + arguments + ["--log", log.path, "--operator", "hassan"])
      #expect(result.status == 1, "\(arguments)")
      #expect(result.errors.contains("watchfloor: refused: "))
      #expect(result.errors.contains(expected), "\(result.errors)")
    }
    #expect(try Data(contentsOf: log) == before)
    let forced = try Watchfloor.run([
      "divert", "AL-0123-09", "--to", "karkh", "--log", log.path, "--operator", "hassan",
      "--force",
    ])
    #expect(forced.status == 0, "\(forced.errors)")
    #expect(forced.errors.contains("watchfloor: warning: destination \"karkh\""))
    let usage = try Watchfloor.run(["divert", "AL-0123-12", "--log", log.path])
    #expect(usage.status == 2)
    #expect(usage.errors.contains("--to"))
  }

  @Test(
    "cancel writes the reason; the airlift is cancelled; a second cancel and in-flight are refused")
  func cancel() throws {
    let log = try sampleLog()
    let missingReason = try Watchfloor.run([
      "cancel", "AL-0123-11", "--log", log.path, "--operator", "hassan",
    ])
    #expect(missingReason.status == 1)
    #expect(missingReason.errors.contains(#"a reason is required to cancel airlift "AL-0123-11""#))
    let result = try Watchfloor.run([
      "cancel", "AL-0123-11", "--log", log.path, "--operator", "hassan", "--reason",
      "no aircraft",
    ])
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.output.contains(#""airlift":"AL-0123-11","reason":"no aircraft","by":"hassan""#))
    let state = try Watchfloor.run(["state", log.path, "--json"])
    #expect(state.output.contains(#""airlift": "AL-0123-11",\#n      "status": "cancelled""#))
    let again = try Watchfloor.run([
      "cancel", "AL-0123-11", "--log", log.path, "--operator", "hassan", "--reason", "x",
    ])
    #expect(again.status == 1)
    #expect(again.errors.contains("is already cancelled: no further decision"))
    let inFlight = try Watchfloor.run([
      "cancel", "AL-0123-09", "--log", log.path, "--operator", "hassan", "--reason", "x",
    ])
    #expect(inFlight.status == 1)
    #expect(inFlight.errors.contains(#"cannot cancel airlift "AL-0123-09": it is in-flight"#))
    let missingLog = try Watchfloor.run([
      "cancel", "AL-0123-13", "--log", "/nonexistent/x.jsonl", "--reason", "x",
    ])
    #expect(missingLog.status == 2)
    #expect(!FileManager.default.fileExists(atPath: "/nonexistent/x.jsonl"))
    let missingDivertLog = try Watchfloor.run([
      "divert", "AL-0123-12", "--to", "south-site", "--log", "/nonexistent/x.jsonl",
    ])
    #expect(missingDivertLog.status == 2)
  }
}
