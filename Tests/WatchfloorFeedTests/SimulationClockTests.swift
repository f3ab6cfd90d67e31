import Testing
import WatchfloorFeed
import WatchfloorModel

@Suite("SimulationClock maps wall time to simulated time")
struct SimulationClockTests {
  let start = time("2026-01-23T22:41:00Z")

  @Test("simulated time is the start plus the wall time elapsed times the speed")
  func mapsElapsedTime() {
    let clock = SimulationClock(start: start, wallStart: .seconds(1000), speed: 60)
    #expect(clock.simulatedTime(at: .seconds(1000)) == start)
    #expect(clock.simulatedTime(at: .seconds(1001)) == start.adding(seconds: 60))
    #expect(clock.simulatedTime(at: .seconds(1060)) == start.adding(seconds: 3600))
    #expect(
      clock.simulatedTime(at: .seconds(1000) + .milliseconds(500))
        == start.adding(seconds: 30))
    #expect(
      clock.simulatedTime(at: .seconds(1000) + .microseconds(1))
        == Timestamp(seconds: start.seconds, nanoseconds: 60_000))
    // Before the start, the clock stays at the start.
    #expect(clock.simulatedTime(at: .seconds(10)) == start)
  }

  @Test("the wall time of a simulated time is the inverse, rounded up")
  func wallTimeOfASimulatedTime() {
    let clock = SimulationClock(start: start, wallStart: .seconds(50), speed: 3600)
    #expect(clock.wallTime(of: start.adding(seconds: 3600)) == .seconds(51))
    #expect(clock.wallTime(of: start.adding(seconds: 1)) > .seconds(50))
    #expect(clock.wallTime(of: start.adding(seconds: -10)) == .seconds(50))
    let due = start.adding(seconds: 12345)
    #expect(clock.simulatedTime(at: clock.wallTime(of: due)) >= due)
  }

  @Test("speed is at least 1")
  func speedIsAtLeastOne() {
    #expect(SimulationClock(start: start, wallStart: .zero, speed: 0.25).speed == 1)
    #expect(SimulationClock(start: start, wallStart: .zero, speed: -3).speed == 1)
    #expect(SimulationClock(start: start, wallStart: .zero, speed: .nan).speed == 1)
    #expect(SimulationClock(start: start, wallStart: .zero, speed: 1).speed == 1)
    let real = SimulationClock(start: start, wallStart: .zero, speed: 1)
    #expect(real.simulatedTime(at: .seconds(90)) == start.adding(seconds: 90))
  }

  @Test("the start is the history's last time, or now when there is none")
  func startOfTheSimulation() {
    let now = time("2026-11-20T12:00:00Z")
    #expect(SimulationClock.simulatedStart(latest: start, realNow: now) == start)
    #expect(SimulationClock.simulatedStart(latest: .missing, realNow: now) == now)
    let real = SimulationClock.realNow()
    #expect(real.seconds > time("2025-01-01T00:00:00Z").seconds)
    let first = SimulationClock.monotonicNow()
    #expect(SimulationClock.monotonicNow() >= first)
  }
}
