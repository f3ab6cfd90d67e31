import WatchfloorModel

/// A list of items in a total order, kept sorted as items come, go and change: a pane's rows
/// without sorting them again for every frame.
///
/// Each item's key is kept beside the list, by item; finding an item's place is a binary
/// search (O(log n) comparisons, each looking its key up), and changing an item moves the
/// items between its old and new places along (one memory move of 4-byte symbols, no
/// comparisons). Keys are not kept in list order: a key is tens of bytes, and moving them
/// with the items made each change on a big floor (200,000 rows) move megabytes. Keys must
/// differ (the order breaks ties by the item's id).
struct SortedRows<Key> {
  /// The items in order.
  private(set) var symbols: [Symbol] = []
  private var keyOf: [Symbol: Key] = [:]
  /// Comparisons made so far: what the tests count to show a frame does no sorting.
  private(set) var comparisons = 0

  var count: Int { symbols.count }

  /// Replaces the items with `items`, sorted by `precedes`.
  mutating func rebuild(_ items: [(symbol: Symbol, key: Key)], by precedes: (Key, Key) -> Bool) {
    var compared = 0
    let sorted = items.sorted { left, right in
      compared += 1
      return precedes(left.key, right.key)
    }
    comparisons += compared
    symbols = sorted.map(\.symbol)
    keyOf = Dictionary(minimumCapacity: sorted.count)
    for item in sorted { keyOf[item.symbol] = item.key }
  }

  /// Whether `symbol` is in the list.
  func contains(_ symbol: Symbol) -> Bool { keyOf[symbol] != nil }

  /// The key `symbol` is listed under; nil when it is not listed.
  func key(of symbol: Symbol) -> Key? { keyOf[symbol] }

  /// Where `symbol` is in the list; nil when it is not there. O(log n).
  mutating func index(of symbol: Symbol, by precedes: (Key, Key) -> Bool) -> Int? {
    guard let key = keyOf[symbol] else { return nil }
    let place = lowerBound(key, by: precedes)
    if place < symbols.count && symbols[place] == symbol { return place }
    // Only an order that is not total (two keys neither before the other) gets here.
    return symbols.firstIndex(of: symbol)
  }

  /// The first place whose key is not before `key`.
  mutating func lowerBound(_ key: Key, by precedes: (Key, Key) -> Bool) -> Int {
    var low = 0
    var high = symbols.count
    while low < high {
      let middle = (low + high) / 2
      comparisons += 1
      if let listed = keyOf[symbols[middle]], precedes(listed, key) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }

  /// Puts `symbol` under `key` (nil: takes it out of the list).
  mutating func set(_ symbol: Symbol, key: Key?, by precedes: (Key, Key) -> Bool) {
    if let index = index(of: symbol, by: precedes) {
      symbols.remove(at: index)
      keyOf[symbol] = nil
    }
    guard let key else { return }
    let place = lowerBound(key, by: precedes)
    symbols.insert(symbol, at: place)
    keyOf[symbol] = key
  }

  /// Puts each of `changes`' symbols under its key (nil: out of the list). A few are moved one
  /// by one; more are taken out and merged back in one pass over the list: O(n) moves and
  /// O(k log n) comparisons for k changes, against O(n log n) comparisons for a new sort.
  mutating func apply(_ changes: [(symbol: Symbol, key: Key?)], by precedes: (Key, Key) -> Bool) {
    if changes.count <= 16 {
      for change in changes { set(change.symbol, key: change.key, by: precedes) }
      return
    }
    var seen = Set<Symbol>(minimumCapacity: changes.count)
    var gone: [Int] = []
    var incoming: [(symbol: Symbol, key: Key)] = []
    for change in changes where seen.insert(change.symbol).inserted {
      if let index = index(of: change.symbol, by: precedes) { gone.append(index) }
      if let key = change.key { incoming.append((change.symbol, key)) }
    }
    // Keys go once every place is found: a search looks up the keys of the items it passes.
    for symbol in seen { keyOf[symbol] = nil }
    gone.sort()
    // Out in one pass: each kept item moves down once.
    var write = 0
    var next = 0
    for read in symbols.indices {
      if next < gone.count && gone[next] == read {
        next += 1
        continue
      }
      if write != read { symbols[write] = symbols[read] }
      write += 1
    }
    symbols.removeLast(symbols.count - write)
    // In in one pass: the incoming items sorted, each placed by a binary search.
    var compared = 0
    incoming.sort { left, right in
      compared += 1
      return precedes(left.key, right.key)
    }
    comparisons += compared
    let places = incoming.map { lowerBound($0.key, by: precedes) }
    var merged: [Symbol] = []
    merged.reserveCapacity(symbols.count + incoming.count)
    var start = 0
    for (item, place) in zip(incoming, places) {
      merged += symbols[start..<place]
      merged.append(item.symbol)
      keyOf[item.symbol] = item.key
      start = place
    }
    merged += symbols[start...]
    symbols = merged
  }

  /// The first place whose key satisfies `isAfter`, which must be false then true along the
  /// list (a partition point). O(log n).
  mutating func partition(where isAfter: (Key) -> Bool) -> Int {
    var low = 0
    var high = symbols.count
    while low < high {
      let middle = (low + high) / 2
      comparisons += 1
      // Every listed item has a key: `rebuild`, `set` and `apply` keep the two together.
      if keyOf[symbols[middle]].map(isAfter) ?? true { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// The items whose keys lie in `range` (by `precedes`), in order.
  mutating func symbols(from lower: Key, below upper: Key, by precedes: (Key, Key) -> Bool)
    -> ArraySlice<Symbol>
  {
    let start = lowerBound(lower, by: precedes)
    let end = max(start, lowerBound(upper, by: precedes))
    return symbols[start..<end]
  }
}
