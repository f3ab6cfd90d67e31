import ArgumentParser
import WatchfloorConsole

struct ThemesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: "List the themes, or check theme files and name any bad key and its line.",
    discussion: """
      Built-in themes: default, high-contrast, night, colorblind, mono. Your own go in
      $XDG_CONFIG_HOME/watchfloor/themes/NAME.toml (default ~/.config/watchfloor/themes/); copy
      one from the project's themes/ folder and edit it. Exit 1 when a checked file has problems.
      """)

  @Argument(help: "Theme files to check (default: list every theme and check the user's).")
  var files: [String] = []

  func run() throws {
    let catalog = ThemeCatalog()
    var failed = false
    if files.isEmpty {
      var lines: [String] = []
      for entry in catalog.entries() {
        switch entry.source {
        case .builtIn:
          lines.append("\(entry.name)  (built in)")
        case .user(let path):
          do {
            _ = try Theme.load(path: path)
            lines.append("\(entry.name)  \(path)")
          } catch {
            lines.append("\(entry.name)  \(path)  INVALID")
            standardError(error.description)
            failed = true
          }
        }
      }
      standardOutput(lines.joined(separator: "\n"))
    } else {
      for file in files {
        do {
          let theme = try Theme.load(path: file)
          standardOutput("\(file): ok (theme \(theme.name))")
        } catch {
          standardError(error.description)
          failed = true
        }
      }
    }
    if failed { throw ExitCode(1) }
  }
}
