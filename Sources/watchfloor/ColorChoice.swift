import ArgumentParser

/// `render --color`: whether the screen is printed with ANSI colours.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  /// Colours when standard output is a terminal.
  case auto
  case always
  case never

  /// Whether to print colours, given whether standard output is a terminal.
  func usesColor(outputIsTerminal: Bool) -> Bool {
    self == .always || (self == .auto && outputIsTerminal)
  }
}
