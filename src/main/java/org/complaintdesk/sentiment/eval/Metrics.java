package org.complaintdesk.sentiment.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Classification figures as the shared evaluation README asks for them: 3-class accuracy, macro-F1
 * and macro-recall, and for the detractor decision the negative-class precision/recall/F1 and the
 * negative-vs-rest macro-F1. Two-class files (complaint / not_complaint) only get the latter.
 */
public final class Metrics {
  public static final List<String> LABELS = List.of("negative", "neutral", "positive");
  private static final String NOT_NEGATIVE = "not_negative";

  /** The predicted value of a detractor-flag tally where the post was not flagged. */
  public static final String UNFLAGGED = "unflagged";

  /** gold label → predicted label → count. */
  private final Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();

  private int n;
  private boolean threeClass = true;

  /**
   * @param gold negative / neutral / positive, or not_negative for two-class files
   * @param predicted negative / neutral / positive, or null if the post could not be scored (then
   *     counted as not negative: the product would open no case for it)
   */
  public synchronized void add(String gold, String predicted) {
    if (NOT_NEGATIVE.equals(gold)) {
      threeClass = false;
    }
    String p = predicted == null ? "unscored" : predicted;
    confusion.computeIfAbsent(gold, k -> new LinkedHashMap<>()).merge(p, 1, Integer::sum);
    n++;
  }

  public int n() {
    return n;
  }

  public boolean threeClass() {
    return threeClass;
  }

  private int count(String gold, String predicted) {
    return confusion.getOrDefault(gold, Map.of()).getOrDefault(predicted, 0);
  }

  private int goldTotal(String gold) {
    return confusion.getOrDefault(gold, Map.of()).values().stream().mapToInt(i -> i).sum();
  }

  private int predictedTotal(String predicted) {
    return confusion.values().stream().mapToInt(m -> m.getOrDefault(predicted, 0)).sum();
  }

  public double accuracy3() {
    return n == 0 ? 0 : LABELS.stream().mapToInt(l -> count(l, l)).sum() / (double) n;
  }

  public double recall(String label) {
    int g = goldTotal(label);
    return g == 0 ? 0 : count(label, label) / (double) g;
  }

  public double precision(String label) {
    int p = predictedTotal(label);
    return p == 0 ? 0 : count(label, label) / (double) p;
  }

  public double f1(String label) {
    return f1(precision(label), recall(label));
  }

  public double macroF1() {
    return LABELS.stream().mapToDouble(this::f1).average().orElse(0);
  }

  public double macroRecall() {
    return LABELS.stream().mapToDouble(this::recall).average().orElse(0);
  }

  /** Negative-vs-rest: tp = negative predicted negative; rest is everything else. */
  public double negVsRestMacroF1() {
    int tp = count("negative", "negative");
    int fn = goldTotal("negative") - tp;
    int fp = predictedTotal("negative") - tp;
    int tn = n - tp - fn - fp;
    double negF1 = f1(ratio(tp, tp + fp), ratio(tp, tp + fn));
    double restF1 = f1(ratio(tn, tn + fn), ratio(tn, tn + fp));
    return (negF1 + restF1) / 2;
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : a / (double) b;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** The figures as key=value pairs, in the order of the RESULT line. */
  public Map<String, String> figures() {
    return figures(this, this);
  }

  /**
   * The figures of a scorer with two outputs, as the evaluation README defines them: the 3-class
   * ones from its label, the negative-class ones from its detractor decision (which may differ).
   *
   * @param labels gold against the predicted label
   * @param flags gold against negative where the post was flagged, anything else where not
   */
  public static Map<String, String> figures(Metrics labels, Metrics flags) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("n", String.valueOf(labels.n));
    if (labels.threeClass) {
      out.put("acc3", fmt(labels.accuracy3()));
      out.put("macro_f1_3", fmt(labels.macroF1()));
      out.put("macro_recall3", fmt(labels.macroRecall()));
    }
    out.put("neg_precision", fmt(flags.precision("negative")));
    out.put("neg_recall", fmt(flags.recall("negative")));
    out.put("neg_f1", fmt(flags.f1("negative")));
    out.put("negvsrest_macro_f1", fmt(flags.negVsRestMacroF1()));
    return out;
  }

  /** A printable confusion matrix: one row per gold label, one column per predicted label. */
  public String confusionMatrix() {
    List<String> golds = new ArrayList<>(confusion.keySet());
    golds.sort(Metrics::labelOrder);
    List<String> preds = new ArrayList<>(LABELS);
    confusion
        .values()
        .forEach(
            m ->
                m.keySet()
                    .forEach(
                        p -> {
                          if (!preds.contains(p)) {
                            preds.add(p);
                          }
                        }));
    return matrix(golds, preds, preds);
  }

  /**
   * The matrix of a detractor-flag tally (predicted negative where flagged, {@link #UNFLAGGED}
   * elsewhere): one row per gold label, two columns.
   */
  public String flagMatrix() {
    List<String> golds = new ArrayList<>(confusion.keySet());
    golds.sort(Metrics::labelOrder);
    return matrix(golds, List.of("negative", UNFLAGGED), List.of("flagged", UNFLAGGED));
  }

  private String matrix(List<String> golds, List<String> preds, List<String> headers) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-14s", "gold \\ pred"));
    headers.forEach(h -> b.append(String.format(Locale.ROOT, "%10s", h)));
    b.append('\n');
    for (String g : golds) {
      b.append(String.format(Locale.ROOT, "%-14s", g));
      preds.forEach(p -> b.append(String.format(Locale.ROOT, "%10d", count(g, p))));
      b.append('\n');
    }
    return b.toString();
  }

  private static int labelOrder(String a, String b) {
    int ia = LABELS.indexOf(a);
    int ib = LABELS.indexOf(b);
    return Integer.compare(ia < 0 ? 99 : ia, ib < 0 ? 99 : ib);
  }

  public static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
