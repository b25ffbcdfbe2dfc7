package org.complaintdesk.bench;

import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * One named benchmark run by {@code bench NAME [args]}. It prints whatever it likes, and its
 * figures last on one {@link ResultLine}.
 */
public interface Benchmark {
  /** The sub-command name, e.g. {@code ingest}. */
  String name();

  String description();

  /** Declares the benchmark's own arguments. */
  default void configure(Subparser parser) {}

  void run(Bootstrap<?> bootstrap, Namespace namespace, PrintStream out) throws Exception;
}
