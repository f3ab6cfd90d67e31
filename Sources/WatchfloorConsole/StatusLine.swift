/// One item of a status line (the header's, the footer's): the forms it can take, longest
/// first, and how long it stays when room is short.
public struct StatusItem: Sendable {
  /// The forms, from the fullest to the most condensed: `moved 2,418/7,000 34%`, then
  /// `2,418/7,000`. Never empty.
  public var forms: [[Span]]
  /// For each form, how much keeping it matters: the higher, the later the item leaves that
  /// form for the next (or, from its last form, drops).
  public var priorities: [Int]
  /// Whether the item sits at the right end of the line, after the others.
  public var trailing: Bool

  public init(_ forms: [[Span]], priority: Int, trailing: Bool = false) {
    self.init(forms, priorities: forms.map { _ in priority }, trailing: trailing)
  }

  /// An item whose forms matter each as much as `priorities` says, form by form.
  public init(_ forms: [[Span]], priorities: [Int], trailing: Bool = false) {
    self.forms = forms.isEmpty ? [[]] : forms
    self.priorities = forms.indices.map { $0 < priorities.count ? priorities[$0] : 0 }
    if self.priorities.isEmpty { self.priorities = [0] }
    self.trailing = trailing
  }

  /// An item whose forms are plain texts in one style.
  public init(_ texts: [String], style: Style = .text, priority: Int, trailing: Bool = false) {
    self.init(texts.map { [Span($0, style)] }, priority: priority, trailing: trailing)
  }

  /// An item of plain texts in one style, each form with its own priority.
  public init(
    _ texts: [String], style: Style = .text, priorities: [Int], trailing: Bool = false
  ) {
    self.init(texts.map { [Span($0, style)] }, priorities: priorities, trailing: trailing)
  }

  func width(_ form: Int) -> Int {
    forms[form].reduce(0) { $0 + DisplayWidth.of($1.text) }
  }
}

/// A line of items that condense, then drop, to fit: one step at a time, always the step that
/// gives up the form that matters least (an item's last form gives way by dropping it); among
/// equals the item that condensed least, then the later item. No item is ever cut mid-word.
public struct StatusLine: Sendable {
  public var items: [StatusItem]
  /// What stands between two shown leading items (and between two trailing ones).
  public var separator: Span
  /// Blank cells at least between the leading and the trailing items.
  public var gap: Int

  public init(_ items: [StatusItem], separator: Span = Span("  "), gap: Int = 2) {
    self.items = items
    self.separator = separator
    self.gap = gap
  }

  /// The form of each item that fits in `width` cells (nil: dropped).
  public func fit(width: Int) -> [Int?] {
    var choice: [Int?] = items.map { _ in 0 }
    let separatorWidth = DisplayWidth.of(separator.text)
    func total() -> Int {
      var leading = 0
      var trailing = 0
      var leadingCount = 0
      var trailingCount = 0
      for (index, item) in items.enumerated() {
        guard let form = choice[index] else { continue }
        if item.trailing {
          trailing += item.width(form)
          trailingCount += 1
        } else {
          leading += item.width(form)
          leadingCount += 1
        }
      }
      let between = leadingCount > 0 && trailingCount > 0 ? gap : 0
      return leading + trailing + between
        + separatorWidth * (max(0, leadingCount - 1) + max(0, trailingCount - 1))
    }
    while total() > width {
      let shown = items.indices.filter { choice[$0] != nil }
      guard
        let step = shown.min(by: { left, right in
          let l = choice[left] ?? 0
          let r = choice[right] ?? 0
          let lp = items[left].priorities[l]
          let rp = items[right].priorities[r]
          if lp != rp { return lp < rp }
          if l != r { return l < r }
          return left > right
        })
      else { break }
      let form = (choice[step] ?? 0) + 1
      choice[step] = form < items[step].forms.count ? form : nil
    }
    return choice
  }

  /// Draws the line in `rect` (its first row): leading items from the left, trailing ones
  /// against the right edge.
  public func draw(_ canvas: inout Canvas, _ rect: Rect) {
    let choice = fit(width: rect.width)
    var x = rect.x
    var first = true
    for (index, item) in items.enumerated() where !item.trailing {
      guard let form = choice[index] else { continue }
      if !first { x += canvas.put(separator.text, x: x, y: rect.y, style: separator.style) }
      first = false
      for span in item.forms[form] {
        x += canvas.put(span.text, x: x, y: rect.y, width: rect.maxX - x, style: span.style)
      }
    }
    let trailing = items.indices.filter { items[$0].trailing && choice[$0] != nil }
    let separatorWidth = DisplayWidth.of(separator.text)
    let width =
      trailing.reduce(0) { $0 + items[$1].width(choice[$1] ?? 0) }
      + separatorWidth * max(0, trailing.count - 1)
    x = rect.maxX - width
    for (position, index) in trailing.enumerated() {
      if position > 0 { x += canvas.put(separator.text, x: x, y: rect.y, style: separator.style) }
      for span in items[index].forms[choice[index] ?? 0] {
        x += canvas.put(span.text, x: x, y: rect.y, width: rect.maxX - x, style: span.style)
      }
    }
  }
}
