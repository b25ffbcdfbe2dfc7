package org.complaintdesk.sentiment.eval;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.model.LabelledPost;

/**
 * How many of the posts that open a case come with no evidence, or with weak items only ({@link
 * SentimentResult.Evidence#WEAK_SUFFIX}): a responder shown "flagged" with no reason cannot tell a
 * real complaint from the model reacting to a topic.
 */
final class EvidenceCoverage {
  private int cases;
  private int unexplained;
  private int weakOnly;

  void add(SentimentResult r) {
    if (!(r.detractor() || r.complaint())) {
      return;
    }
    cases++;
    if (r.evidence().isEmpty()) {
      unexplained++;
    } else if (r.evidence().stream().allMatch(SentimentResult.Evidence::weak)) {
      weakOnly++;
    }
  }

  /** Share of the cases with no evidence at all; 0 when there are none. */
  double unexplainedShare() {
    return cases == 0 ? 0 : (double) unexplained / cases;
  }

  String line() {
    return "cases=%d unexplained=%d (%s) weak_only=%d (%s)"
        .formatted(
            cases,
            unexplained,
            Metrics.fmt(unexplainedShare()),
            weakOnly,
            Metrics.fmt(cases == 0 ? 0 : (double) weakOnly / cases));
  }

  /** "all" and, where posts have a language, "lang=xx", as {@code EvaluateCommand} tallies. */
  static Map<String, EvidenceCoverage> tally(
      List<LabelledPost> posts, List<SentimentResult> results) {
    Map<String, EvidenceCoverage> out = new TreeMap<>();
    out.put("all", new EvidenceCoverage());
    for (int i = 0; i < posts.size(); i++) {
      out.get("all").add(results.get(i));
      if (posts.get(i).language() != null) {
        out.computeIfAbsent("lang=" + posts.get(i).language(), k -> new EvidenceCoverage())
            .add(results.get(i));
      }
    }
    return out;
  }
}
