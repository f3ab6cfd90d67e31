import WatchfloorConsole
import WatchfloorLog
import WatchfloorModel
import WatchfloorTerminal

#if canImport(Glibc)
  import Glibc
#endif

/// Something that appends to the log while the console runs (the demo's simulated feed).
protocol FeedDriver: AnyObject {
  /// Appends what is due by now; returns the seconds until the next thing is due.
  func advance() throws -> Double
  /// The clock the console shows: simulated time in the demo.
  func now() -> Timestamp
}

/// The console's run loop: it waits in poll(2) on the keyboard, the log follower's
/// notifications and signals, folds new lines, updates the model and draws at most about
/// 30 frames a second. Nothing spins: an idle console wakes once a second for its clock, and
/// a replay wakes for frames only while it plays.
final class ConsoleRunner {
  private let terminal: Terminal
  private let signals: SignalWatch
  /// The followed log and the worker writing decisions to it; nil in a replay, which reads a
  /// finished log.
  private let follower: (any LogFeed)?
  private let decisions: DecisionWorker?
  private var model: ConsoleModel
  private let colorMode: ColorMode
  private let driver: FeedDriver?
  private var dirty = true
  private var lastDraw = 0.0
  /// Seconds until the simulated feed has something due.
  private var feedDue = 1.0

  /// A console following the log at `location`, or replaying `model.replay` when it is nil.
  init(
    location: LogLocation?, model: ConsoleModel, colorMode: ColorMode, driver: FeedDriver? = nil
  ) throws {
    follower = location.map { $0.follow() }
    decisions = location.map { location in DecisionWorker { try location.decisionWriter() } }
    self.model = model
    self.colorMode = colorMode
    self.driver = driver
    terminal = Terminal()
    // A parent may have left these blocked (a thread pool's mask is inherited through exec):
    // the console must hear them to resize and to restore the terminal on the way out.
    var set = sigset_t()
    sigemptyset(&set)
    for signal in SignalWatch.signals { sigaddset(&set, signal) }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    signals = try SignalWatch()
  }

  /// Runs until the officer quits or a signal ends it; returns the exit status.
  func run() throws -> Int32 {
    try terminal.start()
    defer { terminal.stop() }
    let size = terminal.size
    _ = model.update(.resize(width: size.width, height: size.height))
    if follower != nil {
      _ = model.update(.feedNotice("reading \(model.feed.source)…"))
      draw(force: true)
      _ = model.update(.feedNotice(nil))
      readLog(opening: true)
    }
    while true {
      let timeout = nextTimeout()
      var descriptors = [terminal.inputDescriptor, signals.descriptor]
      if let wake = follower?.wakeDescriptor { descriptors.append(wake) }
      if let decisions { descriptors.append(decisions.wakeDescriptor) }
      let ready = try EventWaiter.wait(for: descriptors, timeoutMilliseconds: Int(timeout))
      if ready.contains(signals.descriptor) {
        for signal in signals.drain() {
          switch signal {
          case SIGINT, SIGTERM, SIGHUP: return 128 + signal
          case SIGCONT:
            // Back from a suspension: whatever is on the screen now is not our frame.
            terminal.invalidate()
            dirty = true
          case SIGWINCH:
            // readInput below picks the new size up from the kernel.
            dirty = true
          default: break
          }
        }
      }
      if ready.contains(terminal.inputDescriptor) || ready.contains(signals.descriptor) {
        // The key's moment on the monotonic clock: a movement key holds rows from it.
        apply(model.update(.frame(monotonicSeconds())))
        for input in terminal.readInput() {
          switch input {
          case .key(let key):
            if apply(model.update(.key(key))) { return 0 }
          case .resize(let width, let height):
            apply(model.update(.resize(width: width, height: height)))
          }
        }
        // Keys are answered at once, not at the next frame slot.
        draw(force: true)
      }
      if let driver {
        do {
          feedDue = try driver.advance()
        } catch {
          apply(model.update(.feedNotice("simulated feed stopped: \(error)")))
          feedDue = 1
        }
      }
      readLog()
      for result in decisions?.takeResults() ?? [] { apply(model.update(.decisionResult(result))) }
      apply(model.update(.tick(clockNow())))
      apply(model.update(.statusClock(monotonicSeconds())))
      // Frames drive a playing replay and let go of rows held after a movement key.
      if model.replay?.isPlaying == true || model.heldRowsDue != nil {
        apply(model.update(.frame(monotonicSeconds())))
      }
      draw(force: false)
    }
  }

  /// Applies effects; returns whether to quit.
  @discardableResult
  private func apply(_ effects: [ConsoleEffect]) -> Bool {
    dirty = true
    for effect in effects {
      switch effect {
      case .quit: return true
      case .bell: terminal.bell()
      case .decide(let request): write(request)
      }
    }
    return false
  }

  /// Hands a confirmed decision to the worker: it is written against the log as it is then,
  /// refused when the item changed since the dialog opened or the policy blocks it. The
  /// result line comes back through the worker; the screen shows the decision when the
  /// follower reads it back.
  private func write(_ request: DecisionRequest) {
    decisions?.submit(
      request, by: model.operatorName, at: clockNow(), context: model.policyContext)
  }

  private func clockNow() -> Timestamp {
    driver?.now() ?? Timestamp.now()
  }

  /// Milliseconds until the next thing to do: the clock's next second, a due frame, the
  /// simulated feed's next event, or the polling fallback's next look at the file.
  private func nextTimeout() -> Int32 {
    // Just past the next second of the clock: poll's timer may end a little early, and an
    // early wake would only find the same second and wake again.
    var seconds = 1.002 - Double(Timestamp.now().nanoseconds) / 1e9
    if model.replay?.isPlaying == true { seconds = min(seconds, 1.0 / 30) }
    if let due = model.heldRowsDue { seconds = min(seconds, max(0, due - monotonicSeconds())) }
    if let follower, follower.wakeDescriptor == nil, let interval = follower.pollInterval {
      seconds = min(seconds, Double(interval.components.attoseconds) / 1e18)
    }
    if driver != nil { seconds = min(seconds, feedDue) }
    if dirty { seconds = min(seconds, max(0, lastDraw + 1.0 / 30 - monotonicSeconds())) }
    return Int32(max(0, min(1000, (seconds * 1000).rounded(.up))))
  }

  /// Reads what the log has new. `opening`: the first read, whose lines date from the file's
  /// last modification, not from now.
  private func readLog(opening: Bool = false) {
    guard let follower else { return }
    var advanced = false
    let before = model.timeline
    let grewAt = opening && driver == nil ? follower.lastGrowth : nil
    do {
      try follower.readAfterWake { event in
        switch event {
        case .line(var bytes, let number):
          // A byte order mark at the start of the file is skipped, as `state` skips it.
          if number == 1 {
            bytes = UnsafeRawBufferPointer(rebasing: bytes[ByteOrderMark.length(at: bytes)...])
          }
          model.timeline.ingest(bytes, lineNumber: number, source: 0)
          advanced = true
        case .truncated:
          restart(.truncated)
          advanced = true
        case .replaced:
          restart(.replaced)
          advanced = true
        case .appeared:
          restart(.appeared)
          advanced = true
        case .vanished:
          setCondition(.missing)
        }
      }
      switch follower.state {
      case .waiting: setCondition(.missing)
      case .following: setCondition(.open)
      case .reconnecting(let label, let seconds):
        setCondition(.reconnecting(label: label, seconds: seconds))
      case .readOnly(let reason): setCondition(.readOnly(reason: reason))
      }
    } catch let error as FollowError {
      setCondition(.unreadable(reason: error.reason))
    } catch {
      setCondition(.unreadable(reason: "\(error)"))
    }
    if advanced || model.timeline !== before {
      apply(model.update(.logAdvanced(at: grewAt ?? clockNow())))
    }
  }

  /// Tells the model whether the log can be read, when that changes.
  private func setCondition(_ condition: FeedCondition) {
    guard model.feed.condition != condition else { return }
    apply(model.update(.feedCondition(condition)))
  }

  private func restart(_ change: LogChange) {
    let timeline = Timeline()
    _ = timeline.addSource(model.feed.source)
    apply(model.update(.logReplaced(timeline, change: change)))
  }

  private func draw(force: Bool) {
    guard dirty || force else { return }
    let now = monotonicSeconds()
    guard force || now - lastDraw >= 1.0 / 30 else { return }
    terminal.draw(
      model.view(), theme: model.theme, mode: model.theme.isMonochrome ? .monochrome : colorMode)
    lastDraw = now
    dirty = false
  }
}

func monotonicSeconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

extension Timestamp {
  /// The wall clock, in UTC.
  static func now() -> Timestamp {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Timestamp(seconds: Int64(spec.tv_sec), nanoseconds: UInt32(spec.tv_nsec))
  }
}
