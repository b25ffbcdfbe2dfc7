package org.complaintdesk.sentiment;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.Label;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.ejml.simple.SimpleMatrix;

/**
 * English sentiment from Stanford CoreNLP's recursive sentiment model over PCFG parse trees. The
 * pipeline is built once (it loads ~7 MB of models) and shared by all threads.
 *
 * <p>A post's detractor probability is that of its most negative sentence: one angry sentence in an
 * otherwise polite post is still a complaint.
 */
public final class CoreNlpSentimentAnalyzer implements SentimentAnalyzer {
  public static final String MODEL = "corenlp-4.5-rntn";
  private static final String[] LABELS = {
    "negative", "negative", "neutral", "positive", "positive"
  };
  private static final int MAX_EVIDENCE = 3;
  private static final int MAX_EVIDENCE_WORDS = 6;

  private final StanfordCoreNLP pipeline;
  private final double threshold;
  private final int maxChars;

  public CoreNlpSentimentAnalyzer(double detractorThreshold, int maxChars) {
    this.threshold = detractorThreshold;
    this.maxChars = maxChars;
    this.pipeline = new StanfordCoreNLP(pipelineProperties());
  }

  /** The plain pipeline: tokenize, ssplit, PCFG parse, sentiment; nothing else is loaded. */
  public static Properties pipelineProperties() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,parse,sentiment");
    props.setProperty("parse.model", "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz");
    props.setProperty("parse.binaryTrees", "true");
    props.setProperty("parse.buildgraphs", "false");
    // Sentences longer than this are not parsed (cost grows with the cube of the length).
    props.setProperty("parse.maxlen", "80");
    props.setProperty("tokenize.options", "untokenizable=noneDelete");
    props.setProperty("ssplit.newlineIsSentenceBreak", "always");
    return props;
  }

  @Override
  public SentimentResult analyze(String text) {
    String why = SentimentGuards.whyNotScorable(text, maxChars);
    if (why != null) {
      return SentimentResult.notScored(SentimentResult.UNSCORED, "en", MODEL, why);
    }
    Annotation doc = new Annotation(text);
    pipeline.annotate(doc);
    List<SentimentResult.SentenceSentiment> sentences = new ArrayList<>();
    List<SentimentResult.Evidence> evidence = new ArrayList<>();
    double maxNegative = 0;
    double scoreSum = 0;
    double positiveSum = 0;
    int counted = 0;
    for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      SimpleMatrix p = tree == null ? null : RNNCoreAnnotations.getPredictions(tree);
      if (p == null) {
        continue; // too long to parse, or no words
      }
      double neg = p.get(0) + p.get(1);
      double pos = p.get(3) + p.get(4);
      int cls = RNNCoreAnnotations.getPredictedClass(tree);
      sentences.add(
          new SentimentResult.SentenceSentiment(
              sentence.get(CoreAnnotations.TextAnnotation.class), LABELS[cls], neg, pos));
      maxNegative = Math.max(maxNegative, neg);
      positiveSum += pos;
      scoreSum += (p.get(1) * 1 + p.get(2) * 2 + p.get(3) * 3 + p.get(4) * 4) / 2.0 - 1.0;
      counted++;
      evidence.addAll(negativePhrases(tree));
    }
    if (counted == 0) {
      return SentimentResult.notScored(
          SentimentResult.UNSCORED, "en", MODEL, "no sentence could be parsed");
    }
    double meanPositive = positiveSum / counted;
    boolean detractor = maxNegative >= threshold;
    String label = detractor ? "negative" : meanPositive >= 0.5 ? "positive" : "neutral";
    double confidence = detractor ? maxNegative : Math.max(meanPositive, 1 - maxNegative);
    return new SentimentResult(
        SentimentResult.SCORED,
        label,
        scoreSum / counted,
        maxNegative,
        detractor,
        confidence,
        "en",
        sentences,
        detractor ? strongest(evidence) : List.of(),
        MODEL,
        null);
  }

  /** Short phrases the model itself rates negative: the evidence a responder can check. */
  private static List<SentimentResult.Evidence> negativePhrases(Tree tree) {
    List<SentimentResult.Evidence> found = new ArrayList<>();
    for (Tree node : tree) {
      if (node.isLeaf()) {
        continue;
      }
      SimpleMatrix p = RNNCoreAnnotations.getPredictions(node);
      if (p == null) {
        continue;
      }
      double neg = p.get(0) + p.get(1);
      var words = node.yield();
      if (neg >= 0.6 && words.size() <= MAX_EVIDENCE_WORDS) {
        String phrase = words.stream().map(Label::value).collect(Collectors.joining(" "));
        found.add(new SentimentResult.Evidence(phrase, "negative phrase", round(neg)));
      }
    }
    return found;
  }

  private static List<SentimentResult.Evidence> strongest(List<SentimentResult.Evidence> all) {
    List<SentimentResult.Evidence> chosen = new ArrayList<>();
    all.stream()
        .sorted(
            Comparator.comparingDouble(SentimentResult.Evidence::weight)
                .reversed()
                .thenComparingInt(e -> e.text().length()))
        .forEach(
            e -> {
              boolean overlaps =
                  chosen.stream()
                      .anyMatch(c -> c.text().contains(e.text()) || e.text().contains(c.text()));
              if (!overlaps && chosen.size() < MAX_EVIDENCE) {
                chosen.add(e);
              }
            });
    return chosen;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
