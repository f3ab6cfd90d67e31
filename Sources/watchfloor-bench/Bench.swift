import ArgumentParser

@main
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watchfloor-bench",
    abstract: "Watchfloor's benchmarks. Build with -c release; figures are ratios against "
      + "baselines measured in the same run.",
    subcommands: [
      IngestBench.self, RenderBench.self, DecideBench.self, ReplayBench.self, DatabaseBench.self,
      OpenBench.self,
    ]
  )
}
