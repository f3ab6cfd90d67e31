import Testing
import WatchfloorConsole

@testable import WatchfloorTerminal

@Suite("PaletteSlots gives 24-bit colours redefinable palette entries")
struct PaletteSlotsTests {
  let orange = RGB(red: 0xE6, green: 0x9F, blue: 0x00)
  let sky = RGB(red: 0x56, green: 0xB4, blue: 0xE9)
  let darkOrange = RGB(red: 0xD0, green: 0x90, blue: 0x00)

  @Test("slots start at 16, leaving the user's 16 colours alone")
  func range() {
    #expect(PaletteSlots(paletteSize: 256).range == 16..<256)
    #expect(PaletteSlots(paletteSize: 8).range.isEmpty)
    #expect(PaletteSlots(paletteSize: 1 << 24).range == 16..<32767)
  }

  @Test("colours get slots in order of first use, and keep them")
  func allocation() {
    var slots = PaletteSlots(paletteSize: 256)
    #expect(slots.slot(for: orange) == .created(16))
    #expect(slots.slot(for: sky) == .created(17))
    #expect(slots.slot(for: orange) == .existing(16))
    #expect(slots.allocatedCount == 2)
  }

  @Test("when slots run out, the slot of the nearest colour is used")
  func fallback() {
    var slots = PaletteSlots(paletteSize: 18)
    _ = slots.slot(for: orange)
    _ = slots.slot(for: sky)
    #expect(slots.slot(for: darkOrange) == .fallback(16))
    #expect(slots.slot(for: darkOrange).slot == 16)
  }

  @Test("without redefinable slots, the nearest xterm colour is used")
  func noSlots() {
    var slots = PaletteSlots(paletteSize: 0)
    let red = RGB(red: 255, green: 0, blue: 0)
    #expect(slots.slot(for: red) == .fallback(Int32(XtermPalette.nearestIndex(to: red))))
  }

  @Test("removeAll frees every slot")
  func removeAll() {
    var slots = PaletteSlots(paletteSize: 256)
    _ = slots.slot(for: orange)
    slots.removeAll()
    #expect(slots.slot(for: sky) == .created(16))
  }
}
