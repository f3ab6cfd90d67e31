import Testing
import WatchfloorFeed

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("DemoLog creates the demo's temporary log")
struct DemoLogTests {
  @Test("a fresh watchfloor-demo-XXXXXX.jsonl holding the history, removed on request")
  func createAndRemove() throws {
    let directory = try TemporaryDirectory()
    let log = try DemoLog.create(in: directory.path + "/")
    let name = String(log.path.split(separator: "/").last ?? "")
    #expect(log.path.hasPrefix(directory.path + "/watchfloor-demo-"))
    #expect(name.hasPrefix("watchfloor-demo-") && name.hasSuffix(".jsonl"))
    #expect(name.count == "watchfloor-demo-XXXXXX.jsonl".count)
    #expect(!name.contains("XXXXXX"))
    #expect(try text(of: log.path) == DemoScenario.history)
    let other = try DemoLog.create(in: directory.path, history: "")
    #expect(other.path != log.path)
    #expect(try text(of: other.path) == "")
    try log.remove()
    #expect(access(log.path, F_OK) != 0)
    try log.remove()
    try other.remove()
  }

  @Test("the default directory is $TMPDIR, or /tmp")
  func defaultDirectory() {
    if let value = getenv("TMPDIR"), value.pointee != 0 {
      #expect(DemoLog.defaultDirectory == String(cString: value))
    } else {
      #expect(DemoLog.defaultDirectory == "/tmp")
    }
  }

  @Test("a directory that does not exist gives an error naming it")
  func missingDirectory() {
    do {
      _ = try DemoLog.create(in: "/nonexistent-watchfloor-directory")
      Issue.record("creating the log should fail")
    } catch {
      #expect(error.description.hasPrefix("cannot create /nonexistent-watchfloor-directory/"))
      #expect(error.description.hasSuffix("No such file or directory"))
    }
  }
}
