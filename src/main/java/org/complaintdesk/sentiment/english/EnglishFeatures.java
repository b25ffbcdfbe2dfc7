package org.complaintdesk.sentiment.english;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import edu.stanford.nlp.trees.Tree;
import java.util.List;
import java.util.Set;
import org.complaintdesk.sentiment.lexicon.SentimentLexicon;
import org.complaintdesk.sentiment.prep.ComplaintCueFinder;
import org.complaintdesk.sentiment.prep.Cue;
import org.complaintdesk.sentiment.prep.PreparedText;
import org.complaintdesk.sentiment.prep.SocialTextPreparer;

/**
 * Turns an English post into the features of the trained layer. CoreNLP's sentiment tree gives the
 * strongest ones (sentence and phrase predictions); words with negation marking, lexicon scores,
 * emoji, shouting and complaint cues add what a model trained on movie reviews cannot know.
 */
public final class EnglishFeatures {
  private static final Set<String> NEGATORS =
      Set.of("not", "no", "never", "n't", "cannot", "nothing", "nobody", "none", "nor", "without");
  private static final Set<String> SCOPE_ENDS = Set.of(".", ",", "!", "?", ";", ":", "but");

  private final SocialTextPreparer preparer;
  private final SentenceSentimentScorer rntn;
  private final SentimentLexicon lexicon;
  private final ComplaintCueFinder complaints = new ComplaintCueFinder();
  private final SentenceEncoder encoder;

  /**
   * Multiplies the sentence encoder's unit-length vector (components around ±0.05) so that its
   * features sit on the 0..1 scale of the sentiment-tree features and share their σ.
   */
  static final double ENCODER_SCALE = 10;

  /**
   * @param encoder the whole-post meaning as features (its weights are learned with the rest); null
   *     for none
   */
  public EnglishFeatures(
      SocialTextPreparer preparer,
      SentenceSentimentScorer rntn,
      SentimentLexicon lexicon,
      SentenceEncoder encoder) {
    this.preparer = preparer;
    this.rntn = rntn;
    this.lexicon = lexicon;
    this.encoder = encoder;
  }

  /** The prefix of the sentence encoder's features, or null without one. */
  public String encoderName() {
    return encoder == null ? null : encoder.name();
  }

  public String rntnName() {
    return rntn.name();
  }

  public EnglishPost analyze(String original) {
    PreparedText text = preparer.prepare(original);
    List<ScoredSentence> sentences = rntn.score(text.forParsing());
    List<ComplaintCueFinder.Match> cues = complaints.find(text.forParsing());
    List<SentimentLexicon.Hit> hits = lexicon.match(text.words());
    Counter<String> f = new ClassicCounter<>();
    f.setCount("bias", 1);
    words(text.words(), f);
    treeFeatures(sentences, f);
    for (SentimentLexicon.Hit h : hits) {
      f.incrementCount(h.score() < 0 ? "lex:neg" : "lex:pos", Math.abs(h.score()));
    }
    cueFeatures(text, f);
    for (ComplaintCueFinder.Match m : cues) {
      f.setCount("complaint:" + m.name(), 1);
      f.setCount("complaint:any", 1);
    }
    addEncoderFeatures(encoder, original, f);
    return new EnglishPost(text, sentences, cues, hits, f);
  }

  /** The encoder's vector for the text as features {@code name:0..n-1}; nothing without one. */
  public static void addEncoderFeatures(SentenceEncoder encoder, String text, Counter<String> f) {
    if (encoder != null) {
      addEncoderFeatures(encoder.name(), encoder.encode(encoderInput(text)), f);
    }
  }

  /** A vector already computed by {@link SentenceEncoder#encodeAll} on {@link #encoderInput}. */
  public static void addEncoderFeatures(String name, float[] vector, Counter<String> f) {
    for (int i = 0; i < vector.length; i++) {
      f.setCount(name + ":" + i, vector[i] * ENCODER_SCALE);
    }
  }

  /** What an encoder reads of a post (the layers were trained on exactly this). */
  public static String encoderInput(String text) {
    return text == null ? null : SocialTextPreparer.asciiApostrophes(text);
  }

  /** True if a layer was trained with this encoder's features (so it must be given them). */
  public static boolean usesEncoder(
      LinearClassifier<String, String> layer, SentenceEncoder encoder) {
    return encoder != null && layer.featureIndex().contains(encoder.name() + ":0");
  }

  /** Word unigram and bigram features (the ones {@link #words} adds). */
  public static boolean isWordFeature(String feature) {
    return feature.startsWith("w:") || feature.startsWith("b:");
  }

  /** Unigrams and bigrams; words after a negator until the end of the clause are marked NEG_. */
  static void words(List<String> words, Counter<String> f) {
    boolean negated = false;
    String prev = "<s>";
    for (String w : words) {
      String feature = negated && !SCOPE_ENDS.contains(w) ? "NEG_" + w : w;
      f.setCount("w:" + feature, 1);
      f.setCount("b:" + prev + "_" + w, 1);
      prev = w;
      if (SCOPE_ENDS.contains(w)) {
        negated = false;
      } else if (NEGATORS.contains(w) || w.endsWith("n't")) {
        negated = true;
      }
    }
    f.setCount("b:" + prev + "_</s>", 1);
  }

  /** Root distributions of the first, last, most negative and most positive sentence; phrases. */
  static void treeFeatures(List<ScoredSentence> sentences, Counter<String> f) {
    if (sentences.isEmpty()) {
      f.setCount("rntn:none", 1);
      return;
    }
    double maxNeg = 0;
    double maxPos = 0;
    double sumNeg = 0;
    double sumPos = 0;
    double[] mean = new double[5];
    int nodes = 0;
    int negNodes = 0;
    int posNodes = 0;
    double strongestNegPhrase = 0;
    double strongestPosPhrase = 0;
    for (ScoredSentence s : sentences) {
      double neg = ScoredSentence.negative(s.tree());
      double pos = ScoredSentence.positive(s.tree());
      maxNeg = Math.max(maxNeg, neg);
      maxPos = Math.max(maxPos, pos);
      sumNeg += neg;
      sumPos += pos;
      double[] d = s.rootDistribution();
      for (int i = 0; i < 5; i++) {
        mean[i] += d[i] / sentences.size();
      }
      for (Tree node : s.tree()) {
        if (node.isLeaf() || node.isPreTerminal()) {
          continue;
        }
        nodes++;
        double n = ScoredSentence.negative(node);
        double p = ScoredSentence.positive(node);
        if (n >= 0.6) {
          negNodes++;
        }
        if (p >= 0.6) {
          posNodes++;
        }
        if (node.yield().size() <= 6) {
          strongestNegPhrase = Math.max(strongestNegPhrase, n);
          strongestPosPhrase = Math.max(strongestPosPhrase, p);
        }
      }
    }
    f.setCount("rntn:maxNeg", maxNeg);
    f.setCount("rntn:maxPos", maxPos);
    f.setCount("rntn:meanNeg", sumNeg / sentences.size());
    f.setCount("rntn:meanPos", sumPos / sentences.size());
    for (int i = 0; i < 5; i++) {
      f.setCount("rntn:p" + i, mean[i]);
    }
    double[] last = sentences.get(sentences.size() - 1).rootDistribution();
    f.setCount("rntn:lastNeg", last[0] + last[1]);
    f.setCount("rntn:lastPos", last[3] + last[4]);
    f.setCount("rntn:negNodes", nodes == 0 ? 0 : (double) negNodes / nodes);
    f.setCount("rntn:posNodes", nodes == 0 ? 0 : (double) posNodes / nodes);
    f.setCount("rntn:negPhrase", strongestNegPhrase);
    f.setCount("rntn:posPhrase", strongestPosPhrase);
    // Bins let the linear layer learn a non-linear response to the model's confidence.
    f.setCount("rntn:maxNegBin" + (int) (maxNeg * 5), 1);
    f.setCount("rntn:maxPosBin" + (int) (maxPos * 5), 1);
  }

  static void cueFeatures(PreparedText text, Counter<String> f) {
    for (Cue c : text.cues()) {
      switch (c.kind()) {
        case EMOJI, EMOTICON -> {
          if (c.polarity() < 0) {
            f.incrementCount("emoji:neg", -c.polarity());
          } else if (c.polarity() > 0) {
            f.incrementCount("emoji:pos", c.polarity());
          }
        }
        case SHOUTING -> f.incrementCount("cue:shouting");
        case ELONGATION -> f.incrementCount("cue:elongation");
        case EXCLAMATION -> f.setCount("cue:exclamation", 1);
        case QUESTION -> f.setCount("cue:question", 1);
        case URL -> f.setCount("cue:url", 1);
        case HANDLE -> f.setCount("cue:handle", 1);
        case HASHTAG -> f.incrementCount("cue:hashtag");
        default -> {}
      }
    }
  }
}
