package org.complaintdesk.bench;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;
import org.complaintdesk.sentiment.eval.SentimentBenchmark;

/**
 * {@code bench NAME [args]}: runs one shipped benchmark. To add one, implement {@link Benchmark}
 * and list it in {@link #withDefaultBenchmarks()}.
 */
public class BenchCommand extends Command {
  private static final String DEST = "benchmark";
  private final Map<String, Benchmark> benchmarks = new LinkedHashMap<>();

  public BenchCommand(List<Benchmark> benchmarks) {
    super("bench", "Runs a benchmark: " + String.join(", ", names(benchmarks)));
    benchmarks.forEach(b -> this.benchmarks.put(b.name(), b));
  }

  /** Every benchmark the product ships. */
  public static BenchCommand withDefaultBenchmarks() {
    return new BenchCommand(List.of(new SentimentBenchmark()));
  }

  @Override
  public void configure(Subparser subparser) {
    Subparsers subparsers = subparser.addSubparsers().dest(DEST).metavar("BENCHMARK");
    benchmarks
        .values()
        .forEach(b -> b.configure(subparsers.addParser(b.name()).help(b.description())));
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    benchmarks.get(namespace.getString(DEST)).run(bootstrap, namespace);
  }

  private static List<String> names(List<Benchmark> benchmarks) {
    return benchmarks.stream().map(Benchmark::name).toList();
  }
}
