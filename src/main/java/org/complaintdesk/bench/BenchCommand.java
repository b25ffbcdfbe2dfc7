package org.complaintdesk.bench;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code bench NAME [args]}: runs one of the shipped benchmarks. */
public class BenchCommand extends Command {
  private static final String DEST = "benchmark";
  private final Map<String, Benchmark> benchmarks = new LinkedHashMap<>();

  public BenchCommand(List<Benchmark> benchmarks) {
    super("bench", "Runs a benchmark and prints its figures on a final RESULT line");
    benchmarks.forEach(b -> this.benchmarks.put(b.name(), b));
  }

  @Override
  public void configure(Subparser subparser) {
    var subparsers = subparser.addSubparsers().dest(DEST).metavar("NAME");
    for (Benchmark b : benchmarks.values()) {
      b.configure(subparsers.addParser(b.name()).help(b.description()));
    }
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    benchmarks.get(namespace.getString(DEST)).run(bootstrap, namespace, System.out);
  }
}
