package org.complaintdesk.sentiment.eval;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.complaintdesk.sentiment.SentimentComponents;
import org.complaintdesk.sentiment.SentimentConfiguration;
import org.complaintdesk.sentiment.SentimentFeature;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.SentimentScorer;
import org.complaintdesk.sentiment.model.DetractorModel;
import org.complaintdesk.sentiment.model.LabelledPost;
import org.complaintdesk.sentiment.model.LabelledTsv;

/**
 * {@code evaluate FILE.tsv}: scores a labelled file with the product's scorer and with plain
 * CoreNLP, prints every figure of the evaluation README for both (overall and per language), and
 * ends with one RESULT line.
 */
public class EvaluateCommand extends Command {
  public EvaluateCommand() {
    super("evaluate", "Measures the sentiment scorer and the plain CoreNLP baseline on a TSV file");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("file").help("TSV with id, label, [lang,] ... text (text last)");
    subparser.addArgument("--model").help("model file from `train` (default: the bundled model)");
    subparser
        .addArgument("--threshold")
        .type(Double.class)
        .setDefault(new SentimentConfiguration().detractorThreshold)
        .help("detractor threshold");
    subparser
        .addArgument("--threads")
        .type(Integer.class)
        .setDefault(Runtime.getRuntime().availableProcessors())
        .help("scoring threads");
    subparser
        .addArgument("--no-baseline")
        .action(Arguments.storeTrue())
        .help("skip plain CoreNLP (quick checks while developing; the RESULT line lacks its keys)");
    subparser
        .addArgument("--baseline-sample")
        .type(Integer.class)
        .setDefault(0)
        .help(
            "run plain CoreNLP (about 1.5 posts/s per core) on a stratified sample of N posts per"
                + " language (fixed seed) instead of every post; printed as a sample, with the"
                + " product's figures on the same sample; 0 = every post");
    subparser
        .addArgument("--cv")
        .type(Integer.class)
        .setDefault(10)
        .help(
            "folds for complaint files the model was trained on: the complaint layer is retrained"
                + " on k-1 folds and scored on the held-out fold");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
    Path file = Path.of(ns.getString("file"));
    List<LabelledPost> posts = LabelledTsv.read(file);
    var config = new SentimentConfiguration();
    config.detractorThreshold = ns.getDouble("threshold");
    config.modelFile = ns.getString("model") == null ? "" : ns.getString("model");
    DetractorModel model = SentimentFeature.loadModel(config);
    int threads = ns.getInt("threads");

    System.out.printf("Evaluating %s: %d posts, model %s%n", file, posts.size(), model.version());
    SentimentComponents components = SentimentComponents.load();
    long trainedOn = posts.stream().filter(p -> model.trainedOn(p.text())).count();
    boolean complaintFile = posts.stream().anyMatch(LabelledPost::isComplaintTask);
    boolean crossValidate = trainedOn > 0 && complaintFile && model.complaint() != null;
    if (trainedOn > 0 && !crossValidate) {
      System.out.printf(
          "  %d posts left out: the model was trained on them (figures on the other %d)%n",
          trainedOn, posts.size() - trainedOn);
      posts = posts.stream().filter(p -> !model.trainedOn(p.text())).toList();
    }
    long t0 = System.nanoTime();
    List<SentimentResult> results;
    if (crossValidate) {
      System.out.printf(
          "  The model's complaint layer was trained on this file: reporting %d-fold"
              + " cross-validation (complaint layer retrained on %d/%d of the file, scored on the"
              + " held-out fold; the sentiment layers never saw it)%n",
          ns.getInt("cv"), ns.getInt("cv") - 1, ns.getInt("cv"));
      results =
          new ComplaintCrossValidation(
                  components, model, config.detractorThreshold, config.maxTextChars)
              .score(posts, ns.getInt("cv"), threads);
    } else {
      SentimentScorer scorer =
          components.scorer(model, config.detractorThreshold, config.maxTextChars);
      results = Parallel.map(posts, threads, "product", p -> scorer.score(p.text()));
    }
    final List<LabelledPost> scored = posts;
    final List<SentimentResult> scoredResults = results;
    double productSeconds = (System.nanoTime() - t0) / 1e9;
    Map<String, Metrics> product =
        tally(scored, results.stream().map(SentimentResult::label).toList());
    Map<String, Metrics> flags =
        tally(scored, results.stream().map(EvaluateCommand::flag).toList());
    long unsupported =
        results.stream().filter(r -> !SentimentResult.SCORED.equals(r.status())).count();
    print("Product scorer (" + model.version() + ")", product, flags);
    System.out.printf(
        "  %d posts not scored (unsupported or undetected language, no words); counted as not"
            + " negative. %.1f s%n%n",
        unsupported, productSeconds);

    // What opens a case: the detractor flag or the complaint flag (CaseService.onScored).
    Map<String, Metrics> cases =
        tally(
            scored,
            results.stream()
                .map(
                    r -> r.detractor() || r.complaint() ? LabelledPost.NEGATIVE : Metrics.UNFLAGGED)
                .toList());
    System.out.println(
        "Cases opened (detractor or complaint flag): " + casesLine(cases.get("all")));
    // Per language too: the complaint cues of the languages without a complaint layer open cases
    // the detractor flag would not.
    cases.forEach(
        (key, m) -> {
          if (!key.equals("all")) {
            System.out.println("  " + key + " cases: " + casesLine(m));
          }
        });
    Map<String, EvidenceCoverage> coverage = EvidenceCoverage.tally(scored, results);
    System.out.println("Evidence of the cases opened: " + coverage.get("all").line());
    coverage.forEach(
        (key, c) -> {
          if (!key.equals("all") && coverage.size() > 2) {
            System.out.println("  " + key + ": " + c.line());
          }
        });
    System.out.println();

    Map<String, Metrics> baseline = null;
    int sample = ns.getInt("baseline_sample");
    Map<String, Metrics> flagsOnSample = null;
    if (!ns.getBoolean("no_baseline")) {
      List<Integer> picked = sample > 0 ? stratifiedSample(scored, sample) : null;
      List<LabelledPost> basePosts =
          picked == null ? scored : picked.stream().map(scored::get).toList();
      PlainCoreNlpBaseline plain = new PlainCoreNlpBaseline();
      long t1 = System.nanoTime();
      List<String> labels =
          Parallel.map(basePosts, threads, "baseline", p -> plain.label(p.text()));
      baseline = tally(basePosts, labels);
      if (picked != null) {
        Map<String, Metrics> labelsOnSample =
            tally(basePosts, picked.stream().map(i -> scoredResults.get(i).label()).toList());
        flagsOnSample =
            tally(basePosts, picked.stream().map(i -> flag(scoredResults.get(i))).toList());
        print(
            "SAMPLE: product scorer on the baseline's stratified sample ("
                + basePosts.size()
                + " posts, up to "
                + sample
                + " per language, seed "
                + SAMPLE_SEED
                + ")",
            labelsOnSample,
            flagsOnSample);
        System.out.println();
      }
      print(
          (picked == null ? "" : "SAMPLE: ")
              + "Plain CoreNLP baseline (PCFG + sentiment, negative if any sentence is)"
              + (picked == null ? "" : " on the same " + basePosts.size() + "-post sample"),
          baseline);
      System.out.printf("  %.1f s%n%n", (System.nanoTime() - t1) / 1e9);
    }

    Map<String, String> result =
        new LinkedHashMap<>(Metrics.figures(product.get("all"), flags.get("all")));
    if (baseline != null) {
      Metrics b = baseline.get("all");
      if (flagsOnSample != null) {
        result.put("baseline_sample_n", Integer.toString(b.n()));
        result.put(
            "sample_negvsrest_macro_f1", Metrics.fmt(flagsOnSample.get("all").negVsRestMacroF1()));
      }
      result.put("baseline_negvsrest_macro_f1", Metrics.fmt(b.negVsRestMacroF1()));
      if (b.threeClass()) {
        result.put("baseline_acc3", Metrics.fmt(b.accuracy3()));
      }
    }
    result.put("cases_negvsrest_macro_f1", Metrics.fmt(cases.get("all").negVsRestMacroF1()));
    result.put("cases_unexplained", Metrics.fmt(coverage.get("all").unexplainedShare()));
    System.out.println(
        "RESULT "
            + result.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
  }

  static final long SAMPLE_SEED = 20261123L;

  /**
   * Indexes of up to {@code perLanguage} posts of each language (the whole file if it has no lang
   * column), drawn with a fixed seed so every run samples the same posts; in file order.
   */
  static List<Integer> stratifiedSample(List<LabelledPost> posts, int perLanguage) {
    Map<String, List<Integer>> byLanguage = new TreeMap<>();
    for (int i = 0; i < posts.size(); i++) {
      String lang = posts.get(i).language() == null ? "" : posts.get(i).language();
      byLanguage.computeIfAbsent(lang, k -> new java.util.ArrayList<>()).add(i);
    }
    List<Integer> out = new java.util.ArrayList<>();
    for (var e : byLanguage.entrySet()) {
      List<Integer> idx = new java.util.ArrayList<>(e.getValue());
      java.util.Collections.shuffle(idx, new java.util.Random(SAMPLE_SEED + e.getKey().hashCode()));
      out.addAll(idx.subList(0, Math.min(perLanguage, idx.size())));
    }
    java.util.Collections.sort(out);
    return out;
  }

  /** Metrics overall ("all") and per language of the file's lang column, if it has one. */
  static Map<String, Metrics> tally(List<LabelledPost> posts, List<String> predicted) {
    Map<String, Metrics> out = new TreeMap<>();
    out.put("all", new Metrics());
    for (int i = 0; i < posts.size(); i++) {
      LabelledPost p = posts.get(i);
      out.get("all").add(p.label(), predicted.get(i));
      if (p.language() != null) {
        out.computeIfAbsent("lang=" + p.language(), k -> new Metrics())
            .add(p.label(), predicted.get(i));
      }
    }
    if (out.size() == 2) { // one language only: the per-language line repeats the total
      out.keySet().removeIf(k -> k.startsWith("lang="));
    }
    return out;
  }

  private static String casesLine(Metrics m) {
    return "negvsrest_macro_f1=%s neg_precision=%s neg_recall=%s"
        .formatted(
            Metrics.fmt(m.negVsRestMacroF1()),
            Metrics.fmt(m.precision(LabelledPost.NEGATIVE)),
            Metrics.fmt(m.recall(LabelledPost.NEGATIVE)));
  }

  /** What the detractor flag predicts, as a label the metrics can count. */
  static String flag(SentimentResult r) {
    return r.detractor() ? LabelledPost.NEGATIVE : Metrics.UNFLAGGED;
  }

  private static void print(String title, Map<String, Metrics> metrics) {
    print(title, metrics, metrics);
  }

  /** 3-class figures from the labels, negative-class figures from the detractor flags. */
  private static void print(String title, Map<String, Metrics> labels, Map<String, Metrics> flags) {
    System.out.println("== " + title);
    System.out.println("  " + line(labels.get("all"), flags.get("all")));
    if (labels != flags) {
      System.out.println(
          "  (3-class figures: the label; negative-class figures: the detractor flag, the"
              + " decision that opens a case)");
      System.out.println(
          "  label: (read as negative-vs-rest, negvsrest_macro_f1="
              + Metrics.fmt(labels.get("all").negVsRestMacroF1())
              + ")");
    }
    System.out.print(labels.get("all").confusionMatrix().indent(2));
    if (labels != flags) {
      System.out.println("  detractor flag:");
      System.out.print(flags.get("all").flagMatrix().indent(2));
    }
    labels.forEach(
        (k, m) -> {
          if (!k.equals("all")) {
            System.out.println("  " + k + ": " + line(m, flags.get(k)));
          }
        });
  }

  private static String line(Metrics labels, Metrics flags) {
    return Metrics.figures(labels, flags).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }
}
