import WatchfloorConsole
import WatchfloorFeed
import WatchfloorModel

/// Moving the replay's cursor on the opened day: random seeks and a held step key.
extension ReplayBench {
  /// Random seeks in the day, alone and with their frame, against the fold from empty.
  func measureSeeks(
    _ model: inout ConsoleModel, day: DayWindow,
    _ figures: inout Figures
  ) throws {
    var random = SplitMix64(seed: 21)
    var seekTimes: [Double] = []
    var withFrame: [Double] = []
    var reached: [LineCounts] = []
    var stateTimes: [Double] = []
    var checksum = 0
    // Times between the day's first and last event: before and after them a seek is free.
    let moments = model.replay?.moments
    let first = moments?.times.first ?? day.start
    let span = UInt64(max(1, (moments?.times.last ?? day.last).seconds - first.seconds))
    for _ in 0..<seeks {
      let target = Timestamp(
        seconds: first.seconds + Int64(random.next(span)),
        nanoseconds: UInt32(random.next(1_000_000_000)))
      let before = model.state
      let start = now()
      model.seekReplay(to: target)
      let seeked = now()
      checksum &+= model.view().cells.count
      seekTimes.append((seeked - start) * 1000)
      withFrame.append((now() - start) * 1000)
      reached.append(model.state.counts)
      // The state alone, timed again: the rest of a seek is the console's rows and selections.
      let again = now()
      checksum &+=
        model.timeline.state(afterRecords: model.state.counts.events, from: before)
        .counts.events
      stateTimes.append((now() - again) * 1000)
    }
    // The naive seek on the same record counts, after ours so as not to cool their caches:
    // every seek while cheap, a few dozen once it has taken two seconds.
    var naive: [Double] = []
    var spent = 0.0
    for counts in reached where naive.count < 24 || spent < 2 {
      let start = now()
      var state = OpsState()
      for index in 0..<counts.events { state.fold(model.timeline[index]) }
      naive.append((now() - start) * 1000)
      spent += now() - start
      guard state.counts == counts else {
        throw ValidationErrorText("a seek to \(counts.events) records disagrees with the fold")
      }
    }
    let (p50, p99) = (quantile(seekTimes, 0.5), quantile(seekTimes, 0.99))
    let (naiveP50, naiveP99) = (quantile(naive, 0.5), quantile(naive, 0.99))
    printLine(
      "seek (\(seeks)): p50 \(formatted(p50, 3)) ms, p99 \(formatted(p99, 3))"
        + " ms; with its frame p50 \(formatted(quantile(withFrame, 0.5), 3)) ms, p99 "
        + "\(formatted(quantile(withFrame, 0.99), 3)) ms  target p99 ≤ 5 ms \(verdict(p99 <= 5))")
    printLine(
      "  the state alone, from a checkpoint or the cursor: p50 "
        + "\(formatted(quantile(stateTimes, 0.5), 3)) ms, p99 "
        + "\(formatted(quantile(stateTimes, 0.99), 3)) ms")
    printLine(
      "  fold from empty (\(naive.count)): p50 \(formatted(quantile(naive, 0.5), 3)) ms, p99 "
        + "\(formatted(naiveP99, 3)) ms (ratio p50 \(formatted(naiveP50 / p50, 1))x, p99 "
        + "\(formatted(naiveP99 / p99, 1))x)  "
        + "[\(checksum % 7)]")
    figures += [
      ("seek_p50_ms", p50, 3), ("seek_p99_ms", p99, 3),
      ("seek_frame_p50_ms", quantile(withFrame, 0.5), 3),
      ("seek_frame_p99_ms", quantile(withFrame, 0.99), 3),
      ("naive_seek_p50_ms", naiveP50, 3), ("naive_seek_p99_ms", naiveP99, 3),
      ("naive_seeks", Double(naive.count), 0),
      ("seek_state_p50_ms", quantile(stateTimes, 0.5), 3),
      ("seek_state_p99_ms", quantile(stateTimes, 0.99), 3),
    ]
  }

  /// A held → from the start of the day and ← from its end, each step with its frame, against
  /// a frame without moving; then ] an hour at a time.
  func measureScrub(
    _ model: inout ConsoleModel, day: DayWindow,
    _ figures: inout Figures
  ) {
    var checksum = 0
    // Each step's key and frame; no key draws the frame without moving.
    func steps(_ key: Key?, _ count: Int) -> [Double] {
      (0..<count).map { _ in
        let start = now()
        if let key { _ = model.update(.key(key)) }
        checksum &+= model.view().cells.count
        return (now() - start) * 1000
      }
    }
    model.seekReplay(to: day.start)
    let forward = steps(.right, frames)
    let still = steps(nil, 200)
    _ = model.update(.key(.end))
    let back = steps(.left, max(1, frames / 4))
    let stillEnd = steps(nil, 200)
    model.seekReplay(to: day.start)
    let hours = steps(.character("]"), 24)
    func fps(_ samples: [Double]) -> Double {
      samples.isEmpty ? 0 : 1000 * Double(samples.count) / samples.reduce(0, +)
    }
    // The held key counts by its worse direction.
    let rate = min(fps(forward), fps(back))
    let p99 = max(quantile(forward, 0.99), quantile(back, 0.99))
    for (name, samples, frame) in [
      ("→ from 00:00", forward, still), ("← from the end", back, stillEnd),
    ] {
      printLine(
        "scrub \(name) (\(samples.count)): \(Int(fps(samples).rounded())) fps, p99 "
          + "\(formatted(quantile(samples, 0.99), 3)) ms; frame without moving p50 "
          + "\(formatted(quantile(frame, 0.5), 3)) ms  target ≥ 60 fps "
          + verdict(fps(samples) >= 60))
    }
    printLine(
      "scrub by an hour (] \(hours.count)): p50 \(formatted(quantile(hours, 0.5), 3)) ms, p99 "
        + "\(formatted(quantile(hours, 0.99), 3)) ms  (a 60 fps frame is 16.7 ms: "
        + "\(verdict(quantile(hours, 0.99) <= 1000 / 60)))  [\(checksum % 7)]")
    figures += [
      ("scrub_fps", rate, 1), ("scrub_p99_ms", p99, 3),
      ("scrub_forward_fps", fps(forward), 1),
      ("scrub_forward_p99_ms", quantile(forward, 0.99), 3),
      ("scrub_back_fps", fps(back), 1), ("scrub_back_p99_ms", quantile(back, 0.99), 3),
      ("still_frame_p50_ms", quantile(still, 0.5), 3),
      ("still_frame_end_p50_ms", quantile(stillEnd, 0.5), 3),
      ("hour_scrub_p50_ms", quantile(hours, 0.5), 3),
      ("hour_scrub_p99_ms", quantile(hours, 0.99), 3),
    ]
  }
}
