/// The release this build is, printed by `watchfloor --version`.
enum WatchfloorVersion {
  static let current = "0.11.0"
}
