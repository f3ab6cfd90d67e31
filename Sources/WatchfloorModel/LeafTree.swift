/// A growable array of values in small leaves under branches, each level copied on write on
/// its own: the storage of `Slots` and `SymbolSet`, which timeline checkpoints copy.
///
/// Copying a tree shares every branch and leaf; a later change copies the top list, then
/// only the branch and the leaf it touches. Leaves are small because what a stretch of log
/// changes is scattered among older values, and every touched leaf is copied whole; branches
/// of 64 leaves keep the top list (copied by every checkpoint that is later changed) short.
/// Reads and writes are O(1).
struct LeafTree<Value>: @unchecked Sendable {
  private static var branchShift: Int { 6 }
  private static var branchSize: Int { 1 << branchShift }

  private let leafShift: Int
  /// What a new leaf is filled with, and what an index beyond the tree reads as.
  private let filler: Value
  private var branches: [[[Value]]] = []

  init(leafShift: Int, filler: Value) {
    self.leafShift = leafShift
    self.filler = filler
  }

  private var leafSize: Int { 1 << leafShift }

  @inline(__always)
  private func place(_ index: Int) -> (branch: Int, leaf: Int, offset: Int) {
    (
      index >> (leafShift + Self.branchShift), (index >> leafShift) & (Self.branchSize - 1),
      index & (leafSize - 1)
    )
  }

  /// The value at `index`; `filler` for an index never written.
  subscript(index: Int) -> Value {
    @inline(__always) get {
      let (branch, leaf, offset) = place(index)
      guard branch < branches.count, leaf < branches[branch].count else { return filler }
      return branches[branch][leaf][offset]
    }
    set { modify(index) { $0 = newValue } }
  }

  /// Changes the value at `index` in place (growing the tree to it): one walk down, copying
  /// only a level that is shared.
  @inline(__always)
  mutating func modify<Result>(_ index: Int, _ change: (inout Value) -> Result) -> Result {
    let (branch, leaf, offset) = place(index)
    if branch >= branches.count || leaf >= branches[branch].count { grow(branch, leaf) }
    return change(&branches[branch][leaf][offset])
  }

  private mutating func grow(_ branch: Int, _ leaf: Int) {
    while branch >= branches.count {
      var fresh: [[Value]] = []
      fresh.reserveCapacity(Self.branchSize)
      branches.append(fresh)
    }
    while leaf >= branches[branch].count {
      branches[branch].append([Value](repeating: filler, count: leafSize))
    }
  }

  /// Each leaf with the index of its first value, in order.
  func forEachLeaf(_ body: (Int, [Value]) throws -> Void) rethrows {
    for (branchIndex, branch) in branches.enumerated() {
      for (leafIndex, leaf) in branch.enumerated() {
        try body((branchIndex << Self.branchShift | leafIndex) << leafShift, leaf)
      }
    }
  }
}
