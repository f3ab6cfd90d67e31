import WatchfloorLog

/// A feed could not create, lock, write or remove a log file.
public typealias FeedError = FileError
