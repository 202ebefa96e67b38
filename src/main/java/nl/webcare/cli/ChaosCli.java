package nl.webcare.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.webcare.bench.ChaosRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chaos --mentions N}: the fault run (see {@link ChaosRun}). */
@Command(name = "chaos", mixinStandardHelpOptions = true,
    description = {"Pushes N signed mentions at a steady rate into a Webcare of its own (own redis-server with an append-only file)",
        "while it kills Webcare with SIGKILL and restarts Redis; prints pushed, accepted, stored, lost, duplicate",
        "cases, dead letters, webhooks lost and repeated, and recovery seconds as JSON. Needs redis-server on the PATH."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:nothing lost or duplicated", "1:a mention or a case's webhook was lost, a case duplicated, or the run failed",
        "2:bad usage"})
final class ChaosCli implements Callable<Integer> {
  @Option(names = "--mentions", paramLabel = "N", converter = EvaluateCli.PositiveConverter.class,
      description = "mentions to push (default ${DEFAULT-VALUE})")
  int mentions = 300;

  @Option(names = "--rate", paramLabel = "PER_SECOND", converter = EvaluateCli.PositiveConverter.class,
      description = "mentions offered per second (default: N/60 between 1 and 50, so that the pushing lasts "
          + "long enough for every fault to strike while mentions keep coming)")
  Integer rate;

  @Option(names = "--jar", paramLabel = "FILE", description = "the Webcare jar to run (default: this one)")
  Path jar;

  @Override
  public Integer call() throws Exception {
    Path self = jar != null ? jar
        : Path.of(ChaosCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    var figures = ChaosRun.run(mentions, rate != null ? rate : Math.max(1, Math.min(50, mentions / 60)), Commands.readable(self.toString()));
    System.out.println(figures.encodePrettily());
    return figures.getLong("lost") == 0 && figures.getLong("duplicate_cases") == 0
        && figures.getJsonObject("webhooks").getLong("lost") == 0 ? 0 : 1;
  }
}
