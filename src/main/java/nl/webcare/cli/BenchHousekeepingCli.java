package nl.webcare.cli;

import java.util.List;
import java.util.concurrent.Callable;
import nl.webcare.bench.HousekeepingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-housekeeping --sizes 10000,1000000}: what the timed jobs cost as the store grows (see {@link HousekeepingBenchmark}). */
@Command(name = "bench-housekeeping", mixinStandardHelpOptions = true,
    description = {"Fills a redis-server of its own with mentions and their cases up to each size and times the jobs",
        "that run on a timer (housekeeping sweep, SLA watch round, backlog gauges); prints JSON. Needs redis-server",
        "on the PATH and about 3 GB of memory for a million cases."})
final class BenchHousekeepingCli implements Callable<Integer> {
  @Option(names = "--sizes", paramLabel = "N", split = ",",
      description = "stored cases to measure at, filled in turn (default ${DEFAULT-VALUE})")
  List<Integer> sizes = List.of(10_000, 1_000_000);

  @Override
  public Integer call() throws Exception {
    if (sizes.stream().anyMatch(s -> s <= 0)) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--sizes must be positive");
    }
    System.out.println(HousekeepingBenchmark.run(sizes, Analyzers.defaultConfig()).encodePrettily());
    return 0;
  }
}
