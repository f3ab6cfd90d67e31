// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Watchfloor",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "watchfloor", targets: ["watchfloor"]),
    .executable(name: "watchfloor-bench", targets: ["watchfloor-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    // The PostgreSQL client behind shared logs (`postgres://` sources): the wire protocol,
    // SCRAM authentication, TLS and LISTEN/NOTIFY are theirs, not ours to write.
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
    .target(name: "CAllocatorStats"),
    .target(name: "CHeapReserve"),
    .target(name: "CPrefetch"),
    .target(
      name: "WatchfloorModel",
      dependencies: ["CPrefetch"],
      // The decoder and fold are the hot path of ingest; their class state is only ever
      // touched from one thread, so release builds skip the dynamic exclusivity checks.
      swiftSettings: [
        .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
      ]
    ),
    .target(
      name: "WatchfloorLog",
      dependencies: [
        "WatchfloorModel", "CHeapReserve", .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .target(
      name: "WatchfloorConsole",
      dependencies: ["WatchfloorModel", .product(name: "TOMLKit", package: "TOMLKit")]
    ),
    .target(name: "WatchfloorReport", dependencies: ["WatchfloorModel"]),
    .target(name: "WatchfloorTerminal", dependencies: ["WatchfloorConsole", "CNcurses"]),
    .target(name: "WatchfloorFeed", dependencies: ["WatchfloorModel", "WatchfloorLog"]),
    .target(name: "WatchfloorProcess"),
    .executableTarget(
      name: "watchfloor",
      dependencies: [
        "WatchfloorModel", "WatchfloorLog", "WatchfloorConsole", "WatchfloorTerminal",
        "WatchfloorFeed", "WatchfloorReport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "watchfloor-bench",
      dependencies: [
        "WatchfloorModel", "WatchfloorLog", "WatchfloorConsole", "WatchfloorProcess",
        "WatchfloorFeed", "CAllocatorStats",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "WatchfloorModelTests", dependencies: ["WatchfloorModel"]),
    .testTarget(name: "WatchfloorProcessTests", dependencies: ["WatchfloorProcess"]),
    .testTarget(
      name: "WatchfloorLogTests",
      dependencies: ["WatchfloorLog", "WatchfloorModel", "WatchfloorProcess"]
    ),
    .testTarget(
      name: "WatchfloorFeedTests",
      dependencies: ["WatchfloorFeed", "WatchfloorLog", "WatchfloorModel"]
    ),
    .testTarget(
      name: "WatchfloorTerminalTests", dependencies: ["WatchfloorTerminal", "WatchfloorConsole"]),
    .testTarget(
      name: "WatchfloorConsoleTests", dependencies: ["WatchfloorConsole", "WatchfloorModel"],
      exclude: ["Golden"]),
    .testTarget(
      name: "WatchfloorReportTests",
      dependencies: ["WatchfloorReport", "WatchfloorModel", "WatchfloorLog"]
    ),
    .testTarget(
      name: "WatchfloorCLITests",
      dependencies: [
        "watchfloor", "WatchfloorModel", "WatchfloorLog", "WatchfloorConsole", "WatchfloorProcess",
        "WatchfloorReport",
      ],
      exclude: ["Golden"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
