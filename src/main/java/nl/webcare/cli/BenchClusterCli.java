package nl.webcare.cli;

import java.util.concurrent.Callable;
import nl.webcare.bench.ClusterBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-cluster}: one Redis node against a cluster of three masters, through Webcare's stores (see {@link ClusterBenchmark}). */
@Command(name = "bench-cluster", mixinStandardHelpOptions = true,
    description = {"Starts a redis-server of its own, then a Redis Cluster of three masters of its own, fills each",
        "with the same mentions and cases, and measures storing a mention, a page of mentions (bodies on every",
        "master), share of voice over every brand (a slot per brand) and a worklist page; prints JSON. Needs",
        "redis-server and redis-cli on the PATH."})
final class BenchClusterCli implements Callable<Integer> {
  @Option(names = "--mentions", paramLabel = "N", description = "mentions stored before measuring (default ${DEFAULT-VALUE})")
  int mentions = 20_000;

  @Option(names = "--brands", paramLabel = "N", description = "brands the mentions are about (default ${DEFAULT-VALUE})")
  int brands = 10;

  @Option(names = "--seconds", paramLabel = "S", description = "seconds per figure (default ${DEFAULT-VALUE})")
  int seconds = 10;

  @Option(names = "--connections", paramLabel = "C", description = "calls kept in flight (default ${DEFAULT-VALUE})")
  int connections = 16;

  @Override
  public Integer call() throws Exception {
    if (mentions <= 0 || brands <= 0 || seconds <= 0 || connections <= 0) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--mentions, --brands, --seconds and --connections must be positive");
    }
    System.out.println(ClusterBenchmark.run(mentions, brands, seconds, connections, Analyzers.defaultConfig())
        .encodePrettily());
    return 0;
  }
}
