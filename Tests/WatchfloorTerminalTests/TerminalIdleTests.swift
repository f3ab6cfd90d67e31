import Testing
import WatchfloorConsole

@testable import WatchfloorTerminal

@Suite("Terminal before start")
struct TerminalIdleTests {
  @Test("reads nothing, draws nothing, stops any number of times")
  func idle() {
    let terminal = Terminal()
    #expect(!terminal.isActive)
    #expect(terminal.readInput().isEmpty)
    terminal.bell()
    terminal.draw(
      Canvas(width: 4, height: 2), theme: Theme(name: "plain", definitions: [:]), mode: .palette8)
    terminal.stop()
    terminal.stop()
    #expect(!terminal.isActive)
    #expect(terminal.colorCapability == .monochrome)
  }
}
