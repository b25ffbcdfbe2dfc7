package org.complaintdesk.sentiment.eval;

import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.complaintdesk.bench.Benchmark;
import org.complaintdesk.bench.HeapSampler;
import org.complaintdesk.bench.ResultLine;
import org.complaintdesk.sentiment.SentimentComponents;
import org.complaintdesk.sentiment.SentimentConfiguration;
import org.complaintdesk.sentiment.SentimentFeature;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.SentimentScorer;
import org.complaintdesk.sentiment.english.EnglishFeatures;
import org.complaintdesk.sentiment.model.DetractorModel;
import org.complaintdesk.sentiment.model.LabelledPost;
import org.complaintdesk.sentiment.model.LabelledTsv;

/**
 * {@code bench sentiment FILE.tsv}: the same posts through plain CoreNLP (one pipeline, one thread,
 * as it is normally used) and through the product's scorer (all cores, as the worker pool runs it),
 * in one run. Both get a short warm-up on texts not in the timed set.
 */
public class SentimentBenchmark implements Benchmark {
  private static final int WARM_UP = 20;

  @Override
  public String name() {
    return "sentiment";
  }

  @Override
  public String description() {
    return "posts/s of the product's sentiment scorer against plain CoreNLP on a TSV file";
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("file").help("TSV with text as the last column");
    subparser
        .addArgument("--limit")
        .type(Integer.class)
        .setDefault(Integer.MAX_VALUE)
        .help("use only the first N posts");
    subparser
        .addArgument("--threads")
        .type(Integer.class)
        .setDefault(new SentimentConfiguration().effectiveWorkers())
        .help("product scoring threads (default: one per core, like sentiment.workers: 0)");
    subparser.addArgument("--model").help("model file from `train` (default: the bundled model)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace ns, PrintStream out) throws Exception {
    List<LabelledPost> all = LabelledTsv.read(Path.of(ns.getString("file")));
    List<String> texts = all.stream().limit(ns.getInt("limit")).map(LabelledPost::text).toList();
    int threads = ns.getInt("threads");
    out.printf(
        "Benchmarking %d posts (%d cores)%n",
        texts.size(), Runtime.getRuntime().availableProcessors());
    try (HeapSampler heap = new HeapSampler()) {
      PlainCoreNlpBaseline plain = new PlainCoreNlpBaseline();
      warmUp(texts, plain::label);
      long t0 = System.nanoTime();
      for (String t : texts) {
        plain.label(t);
      }
      double baselineRate = texts.size() / ((System.nanoTime() - t0) / 1e9);
      out.printf("plain CoreNLP, 1 thread: %.1f posts/s%n", baselineRate);

      var config = new SentimentConfiguration();
      config.modelFile = ns.getString("model") == null ? "" : ns.getString("model");
      SentimentComponents components = SentimentComponents.load();
      DetractorModel model = SentimentFeature.loadModel(config);
      SentimentScorer scorer =
          components.scorer(model, config.detractorThreshold, config.maxTextChars);
      warmUp(texts, scorer::score);
      // Layers that send only unsure posts on open multilingual BERT at the first one (seconds,
      // once per process); open it before the clock starts, as a running server long has.
      if (model.ngram().values().stream()
          .anyMatch(layer -> EnglishFeatures.usesEncoder(layer, components.multilingual()))) {
        components.multilingual().encode("warm-up");
      }
      long t1 = System.nanoTime();
      List<SentimentResult> results = Parallel.map(texts, threads, "product", scorer::score);
      double rate = texts.size() / ((System.nanoTime() - t1) / 1e9);
      out.printf("product scorer, %d threads: %.1f posts/s%n", threads, rate);
      // Which layer decided each post (e.g. with or without multilingual BERT) explains the rate.
      new TreeMap<>(
              results.stream()
                  .collect(
                      Collectors.groupingBy(
                          r -> r.model() != null ? r.model() : "no layer (" + r.status() + ")",
                          Collectors.counting())))
          .forEach((decidedBy, n) -> out.printf("  %5d posts decided by %s%n", n, decidedBy));
      out.println(
          new ResultLine()
              .put("posts", texts.size())
              .put("baseline_posts_per_s", baselineRate)
              .put("posts_per_s", rate)
              .put("speedup", rate / baselineRate)
              .put("peak_heap_mb", heap.peakMb()));
    }
  }

  /** Lets the JIT compile the hot paths on texts the timed run will not see (nor cache). */
  private static void warmUp(List<String> texts, java.util.function.Function<String, ?> f) {
    for (int i = 0; i < Math.min(WARM_UP, texts.size()); i++) {
      f.apply(texts.get(i) + " (warm-up)");
    }
  }
}
