import Testing
import WatchfloorFeed
import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("SimulationRunner feeds a log in wall time")
struct SimulationRunnerTests {
  @Test("it appends to the log for the time given, and what it appends folds cleanly")
  func appendsWithinBoundedTime() throws {
    let directory = try TemporaryDirectory()
    let log = try DemoLog.create(in: directory.path)
    let runner = try SimulationRunner(path: log.path, speed: 7200, seed: 1)
    #expect(runner.clock.start == time("2026-01-23T22:41:00Z"))
    let began = ContinuousClock.now
    let stop = try runner.run(for: .seconds(2))
    let took = ContinuousClock.now - began
    #expect(stop == .timeLimit)
    #expect(took >= .seconds(2) && took < .seconds(10), "took \(took)")
    let all = try lines(of: log.path)
    #expect(runner.appendedLines > 0)
    #expect(all.count == 157 + runner.appendedLines)
    let folded = Folded(all)
    #expect(folded.malformed.isEmpty)
    #expect(folded.anomalies.isEmpty, "\(folded.anomalies)")
    #expect(folded.counts.duplicates == 0)
    // About four simulated hours passed.
    #expect(runner.simulator.now > time("2026-01-24T02:00:00Z"))
  }

  @Test("an approval another console appends leads to a departure and a landing")
  func reactsToAnotherConsole() throws {
    let directory = try TemporaryDirectory()
    let log = try DemoLog.create(in: directory.path)
    let runner = try SimulationRunner(path: log.path, speed: 7200, seed: 2)
    let console = try FeedWriter(path: log.path)
    var approved = false
    let stop = try runner.run(for: .seconds(4)) {
      if !approved {
        approved = true
        try? console.append([
          "{\"id\": \"console-1\", \"ts\": \"2026-01-23T22:41:05Z\", \"type\": \"airlift.approved\", "
            + "\"airlift\": \"AL-0123-11\", \"by\": \"hassan\"}"
        ])
      }
      return false
    }
    #expect(stop == .timeLimit)
    let all = try lines(of: log.path)
    let about = all.filter { member("airlift", of: $0) == "AL-0123-11" }.compactMap {
      member("type", of: $0)
    }
    #expect(
      about == ["airlift.requested", "airlift.approved", "airlift.departed", "airlift.landed"])
    let folded = Folded(all)
    #expect(folded.anomalies.isEmpty, "\(folded.anomalies)")
  }

  @Test("it stops when asked, and when the log is removed")
  func stops() throws {
    let directory = try TemporaryDirectory()
    let log = try DemoLog.create(in: directory.path)
    let runner = try SimulationRunner(path: log.path, speed: 60, seed: 3)
    #expect(try runner.run { true } == .stopped)
    var calls = 0
    let began = ContinuousClock.now
    let stop = try runner.run(for: .seconds(20)) {
      calls += 1
      if calls == 2 { try? log.remove() }
      return false
    }
    #expect(stop == .logRemoved)
    #expect(ContinuousClock.now - began < .seconds(5))
    #expect(access(log.path, F_OK) != 0, "the runner must not recreate a removed log")
  }

  @Test("on a new file it starts now and writes incidents")
  func newFile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("new.jsonl")
    let start = time("2026-03-01T00:00:00Z")
    let runner = try SimulationRunner(path: path, speed: 36_000, seed: 4, start: start)
    _ = try runner.run(for: .milliseconds(1500))
    let all = try lines(of: path)
    #expect(!all.isEmpty)
    #expect(all.allSatisfy { $0.contains("\"incident.") })
    #expect(Folded(all).anomalies.isEmpty)
  }
}
