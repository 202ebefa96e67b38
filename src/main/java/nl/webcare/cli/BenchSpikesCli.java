package nl.webcare.cli;

import java.util.List;
import java.util.concurrent.Callable;
import nl.webcare.bench.SpikeReplayBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-spikes}: the spike detector replayed over a synthetic series with injected incidents. */
@Command(name = "bench-spikes", mixinStandardHelpOptions = true,
    description = "Replays the spike detector over weeks of synthetic negative mentions (daily and weekly rhythm, "
        + "noise, busy days, injected incidents) and prints detection delay, missed incidents and false alarms.",
    exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:measured", "1:the run failed", "2:bad usage"})
final class BenchSpikesCli implements Callable<Integer> {
  @Option(names = "--weeks", paramLabel = "N", description = "weeks of series, the first four build history "
      + "(default ${DEFAULT-VALUE})")
  int weeks = 16;

  @Option(names = "--level", paramLabel = "N", description = "mean negative mentions per 15 minutes on a weekday "
      + "at noon (default ${DEFAULT-VALUE})")
  double level = 6;

  @Option(names = "--incidents-per-week", paramLabel = "N", description = "default ${DEFAULT-VALUE}")
  double incidentsPerWeek = 2;

  @Option(names = "--seed", paramLabel = "N", description = "default ${DEFAULT-VALUE}")
  long seed = 7;

  @Option(names = "--sensitivity", split = ",", paramLabel = "K", description = "spreads above the median, one or "
      + "more (default ${DEFAULT-VALUE})")
  List<Double> sensitivities = List.of(3.0, 4.0, 5.0);

  @Option(names = "--min-count", paramLabel = "N", description = "default ${DEFAULT-VALUE}")
  int minCount = 10;

  @Option(names = "--floor", paramLabel = "N", description = "baseline floor per 15 minutes (default ${DEFAULT-VALUE})")
  double floor = 2;

  @Override
  public Integer call() {
    if (weeks < 5 || weeks > 104 || level <= 0 || incidentsPerWeek < 0) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--weeks must be 5 to 104, --level above 0, --incidents-per-week 0 or more");
    }
    System.out.println(SpikeReplayBenchmark.run(weeks, level, incidentsPerWeek, seed, sensitivities, minCount, floor)
        .encodePrettily());
    return 0;
  }
}
