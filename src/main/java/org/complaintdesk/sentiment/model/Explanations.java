package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.stats.Counter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.complaintdesk.sentiment.SentimentResult.Evidence;
import org.complaintdesk.sentiment.Verdict;
import org.complaintdesk.sentiment.lexicon.ComplaintCueList;
import org.complaintdesk.sentiment.lexicon.SentimentLexicon;
import org.complaintdesk.sentiment.prep.Cue;
import org.complaintdesk.sentiment.prep.PreparedText;
import org.complaintdesk.sentiment.prep.SocialTextPreparer;

/** Evidence every trained layer can give: its heaviest words, lexicon words and emoji. */
public final class Explanations {
  /** Below this difference of weights a word is not worth showing... */
  private static final double MIN_PUSH = 0.8;

  /**
   * ...unless nothing stronger explains the decision: then items down to this push are shown,
   * marked {@link Evidence#WEAK_SUFFIX} ({@link Verdict#strongest}).
   */
  private static final double WEAK_PUSH = 0.25;

  private Explanations() {}

  /** The words whose trained weights pushed hardest towards negative or positive. */
  public static void learnedWords(
      LinearClassifier<String, String> classifier,
      String otherLabel,
      Counter<String> features,
      String original,
      String kind,
      List<Evidence> out) {
    for (String f : features.keySet()) {
      if (!f.startsWith("w:") || f.startsWith("w:<") || f.length() < 4) {
        continue;
      }
      double push = classifier.weight(f, otherLabel) - classifier.weight(f, LabelledPost.NEGATIVE);
      String word = f.substring(2);
      boolean negated = word.startsWith("NEG_");
      add(
          findOriginal(original, negated ? word.substring(4) : word),
          negated ? kind + " (negated)" : kind,
          push,
          out);
    }
  }

  /**
   * The words whose features together pushed hardest towards negative or positive, for layers that
   * read a word through many small features (character n-grams, stems, bigrams: {@link
   * NgramFeatures#featuresByWord}). A feature two words share counts half for each.
   */
  public static void learnedWordsByPieces(
      LinearClassifier<String, String> classifier,
      String otherLabel,
      Map<String, Set<String>> featuresByWord,
      String original,
      String kind,
      List<Evidence> out) {
    Map<String, Integer> owners = new HashMap<>();
    featuresByWord.values().forEach(fs -> fs.forEach(f -> owners.merge(f, 1, Integer::sum)));
    featuresByWord.forEach(
        (word, fs) -> {
          if (word.startsWith("<")) {
            return; // "<url>", "<user>": the preparer's stand-in for a link or handle
          }
          double push = 0;
          for (String f : fs) {
            push +=
                (classifier.weight(f, otherLabel) - classifier.weight(f, LabelledPost.NEGATIVE))
                    / owners.get(f);
          }
          add(findOriginal(original, word), kind, push, out);
        });
  }

  /**
   * How hard a group of dense features (those starting with {@code prefix}, e.g. a sentence
   * encoder's) pushed towards {@code otherLabel} rather than negative: Σ value × weight difference.
   */
  public static double push(
      LinearClassifier<String, String> classifier,
      String otherLabel,
      Counter<String> features,
      String prefix) {
    double push = 0;
    for (var e : features.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        push +=
            e.getValue()
                * (classifier.weight(e.getKey(), otherLabel)
                    - classifier.weight(e.getKey(), LabelledPost.NEGATIVE));
      }
    }
    return push;
  }

  /**
   * A sentence encoder's share of the decision (its features start with {@code encoder + ":"}),
   * shown as one whole-post item when it is big enough: the encoder reads the whole post, so a
   * responder can see when the overall tone, not a single phrase, drove the decision.
   */
  public static void encoderShare(
      LinearClassifier<String, String> classifier,
      Counter<String> features,
      String encoder,
      String original,
      List<Evidence> out) {
    wholePost(
        original,
        push(classifier, LabelledPost.POSITIVE, features, encoder + ":"),
        Evidence.WHOLE_POST + " (" + encoder + " sentence encoder)",
        out);
  }

  /** Evidence for a push from {@link #push}, if it is big enough to show. */
  public static void wholePost(String original, double push, String kind, List<Evidence> out) {
    add(original, kind, push, out);
  }

  /**
   * An item for a difference of weights: plain from {@link #MIN_PUSH}, marked weak from {@link
   * #WEAK_PUSH}, none below. Shown with a quarter of the push, clipped to [-1, 1].
   */
  private static void add(String quote, String kind, double push, List<Evidence> out) {
    if (Math.abs(push) >= WEAK_PUSH) {
      out.add(
          new Evidence(
              quote,
              Math.abs(push) >= MIN_PUSH ? kind : kind + Evidence.WEAK_SUFFIX,
              Verdict.round(Math.max(-1, Math.min(1, push / 4)))));
    }
  }

  public static void lexiconAndEmoji(
      PreparedText text, List<SentimentLexicon.Hit> hits, List<Evidence> out) {
    for (SentimentLexicon.Hit h : hits) {
      // A negated word is quoted with its negator ("wasn't good") where the post has them as words
      // in a row; otherwise (a comma between them) the word alone.
      String quote =
          h.negated()
              ? inOriginal(text.original(), h.phrase())
                  .orElseGet(() -> findOriginal(text.original(), h.text()))
              : findOriginal(text.original(), h.text());
      out.add(
          new Evidence(
              quote,
              h.negated() ? "negated lexicon word" : "lexicon word",
              Verdict.round(Math.max(-1, Math.min(1, h.score() / 3)))));
    }
    for (Cue c : text.cues()) {
      switch (c.kind()) {
        case EMOJI, EMOTICON -> {
          if (c.polarity() != 0) {
            out.add(new Evidence(c.text(), "emoji", Verdict.round(c.polarity())));
          }
        }
        case SHOUTING, ELONGATION ->
            out.add(new Evidence(c.text(), c.kind().name().toLowerCase(Locale.ROOT), -0.3));
        default -> {}
      }
    }
  }

  /**
   * Adds each complaint cue of the post as evidence ("complaint cue", weight {@value
   * #COMPLAINT_CUE_WEIGHT}) and says how many different cues it has.
   */
  public static int complaintCues(PreparedText text, ComplaintCueList cues, List<Evidence> out) {
    List<ComplaintCueList.Match> found = cues.find(text.words());
    for (ComplaintCueList.Match m : found) {
      out.add(
          new Evidence(
              findOriginal(text.original(), m.quote()), "complaint cue", COMPLAINT_CUE_WEIGHT));
    }
    return (int) found.stream().mapToInt(ComplaintCueList.Match::cue).distinct().count();
  }

  /** As strong as a clearly negative lexicon word (AFINN −2, scaled like the lexicon's hits). */
  static final double COMPLAINT_CUE_WEIGHT = -0.67;

  /** The word as the author wrote it (case, elongation), or the word itself if not found. */
  public static String findOriginal(String original, String word) {
    return inOriginal(original, word).orElse(word);
  }

  /**
   * The author's own wording of {@code word}: found ignoring case and the kind of apostrophe
   * ("wasn't" in "wasn’t"), extended to the end of the word it starts in.
   */
  static Optional<String> inOriginal(String original, String word) {
    int at =
        SocialTextPreparer.asciiApostrophes(original)
            .toLowerCase(Locale.ROOT)
            .indexOf(SocialTextPreparer.asciiApostrophes(word).toLowerCase(Locale.ROOT));
    if (at < 0) {
      return Optional.empty();
    }
    int end = at + word.length();
    while (end < original.length() && Character.isLetter(original.charAt(end))) {
      end++;
    }
    return Optional.of(original.substring(at, end));
  }
}
