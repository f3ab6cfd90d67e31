import Testing
import WatchfloorConsole

@testable import WatchfloorTerminal

@Suite("ColorPairCache allocates pairs on demand and falls back when they run out")
struct ColorPairCacheTests {
  let red = TerminalColor.basic(.red)
  let blue = TerminalColor.basic(.blue)
  let darkRed = TerminalColor.rgb(RGB(red: 0xB0, green: 0x10, blue: 0x10))
  let green = TerminalColor.indexed(46)

  @Test("the key is the colours of a resolved style, not its attributes")
  func keyFromResolvedStyle() {
    let bold = ResolvedStyle(foreground: red, background: blue, attributes: [.bold])
    let plain = ResolvedStyle(foreground: red, background: blue)
    #expect(ColorPairKey(bold) == ColorPairKey(plain))
    #expect(ColorPairKey(bold) == ColorPairKey(foreground: red, background: blue))
    #expect(ColorPairKey(ResolvedStyle(attributes: [.reverse])) == .terminalDefault)
    #expect(ColorPairKey(plain) != ColorPairKey(foreground: blue, background: red))
  }

  @Test("default colours are pair 0, which is never allocated")
  func defaultIsPairZero() {
    var cache = ColorPairCache(pairLimit: 64)
    #expect(cache.pair(for: .terminalDefault) == .existing(0))
    #expect(cache.allocatedCount == 0)
  }

  @Test("pairs are numbered from 1 in order of first use and reused")
  func allocationAndReuse() {
    var cache = ColorPairCache(pairLimit: 64)
    let first = ColorPairKey(foreground: red, background: nil)
    let second = ColorPairKey(foreground: red, background: blue)
    #expect(cache.pair(for: first) == .created(1))
    #expect(cache.pair(for: second) == .created(2))
    #expect(cache.pair(for: first) == .existing(1))
    #expect(cache.pair(for: second) == .existing(2))
    #expect(cache.allocatedCount == 2)
    #expect(cache.capacity == 63)
  }

  @Test("when the pairs run out, the nearest existing pair is used and remembered")
  func fallbackToNearest() {
    var cache = ColorPairCache(pairLimit: 3)
    #expect(cache.pair(for: ColorPairKey(foreground: red, background: nil)) == .created(1))
    #expect(cache.pair(for: ColorPairKey(foreground: blue, background: nil)) == .created(2))
    let dark = ColorPairKey(foreground: darkRed, background: nil)
    #expect(cache.pair(for: dark) == .fallback(1))
    #expect(cache.pair(for: dark) == .fallback(1))
    #expect(cache.allocatedCount == 2)
    #expect(cache.pair(for: dark).pair == 1)
  }

  @Test("a key far from every pair falls back to the default colours")
  func fallbackToDefault() {
    var cache = ColorPairCache(pairLimit: 2)
    #expect(cache.pair(for: ColorPairKey(foreground: red, background: blue)) == .created(1))
    // A default foreground is far from red, a green background far from blue: pair 0 wins.
    #expect(cache.pair(for: ColorPairKey(foreground: nil, background: green)) == .fallback(0))
  }

  @Test("a terminal with no pairs to allocate draws everything in pair 0")
  func noPairs() {
    for limit in [0, 1] {
      var cache = ColorPairCache(pairLimit: limit)
      #expect(cache.capacity == 0)
      #expect(cache.pair(for: ColorPairKey(foreground: red, background: nil)) == .fallback(0))
    }
  }

  @Test("removeAll starts the numbering again")
  func removeAll() {
    var cache = ColorPairCache(pairLimit: 3)
    _ = cache.pair(for: ColorPairKey(foreground: red, background: nil))
    _ = cache.pair(for: ColorPairKey(foreground: blue, background: nil))
    cache.removeAll()
    #expect(cache.allocatedCount == 0)
    #expect(cache.capacity == 2)
    #expect(cache.pair(for: ColorPairKey(foreground: green, background: nil)) == .created(1))
  }

  @Test("colour distances compare what xterm shows")
  func distances() {
    #expect(ColorPairCache.distance(nil, nil) == 0)
    #expect(ColorPairCache.distance(nil, red) == ColorPairCache.defaultDistance)
    #expect(ColorPairCache.distance(.indexed(196), .rgb(RGB(red: 255, green: 0, blue: 0))) == 0)
    #expect(
      ColorPairCache.distance(.basic(.white), .rgb(RGB(red: 0xE5, green: 0xE5, blue: 0xE5))) == 0)
  }
}
