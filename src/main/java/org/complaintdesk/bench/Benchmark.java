package org.complaintdesk.bench;

import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * One named benchmark of {@code bench NAME ...}. It prints what it likes, and its figures last on
 * one line made with {@link BenchResult}.
 */
public interface Benchmark {
  /** The subcommand: {@code bench sentiment}, {@code bench ingest}... */
  String name();

  String description();

  /** Adds this benchmark's own arguments. */
  void configure(Subparser subparser);

  void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception;
}
