package org.complaintdesk.sentiment.english;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCostAndGradient;
import edu.stanford.nlp.sentiment.SentimentModel;
import edu.stanford.nlp.trees.LabeledScoredTreeNode;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * CoreNLP's sentiment model (the same RNTN and word vectors) run over a cheap tree instead of a
 * PCFG parse. Parsing is over 95% of the plain pipeline's time and grows with the cube of the
 * sentence length; this tree costs nothing to build.
 *
 * <p>The tree is right-branching inside clauses (split at commas, semicolons and clause-joining
 * conjunctions), which is how most English phrases attach: "not (very (good))" still lets the
 * negation scope over what follows it, and "(great flight), (but (lost (my bag)))" keeps the
 * contrast visible at the top. What the model says about the clauses and phrases is then a feature
 * of the trained layer, which learns how much to trust it.
 */
public final class ChunkTreeSentimentScorer implements SentenceSentimentScorer {
  private static final Set<String> CLAUSE_BREAKS =
      Set.of(",", ";", ":", "--", "-", "but", "because", "although", "though", "and", "so");
  private static final String MODEL = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";

  private final StanfordCoreNLP tokenizer;
  private final SentimentModel model;

  public ChunkTreeSentimentScorer() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit");
    props.setProperty("tokenize.options", "untokenizable=noneDelete");
    props.setProperty("ssplit.newlineIsSentenceBreak", "always");
    this.tokenizer = new StanfordCoreNLP(props);
    this.model = SentimentModel.loadSerialized(MODEL);
  }

  @Override
  public List<ScoredSentence> score(String text) {
    Annotation doc = new Annotation(text);
    tokenizer.annotate(doc);
    // Not thread-safe (it caches per tree), but cheap to create.
    SentimentCostAndGradient rntn = new SentimentCostAndGradient(model, null);
    List<ScoredSentence> out = new ArrayList<>();
    for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      Tree tree = build(tokens);
      if (tree == null) {
        continue;
      }
      rntn.forwardPropagateTree(tree);
      out.add(
          new ScoredSentence(
              sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
              sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class),
              tree));
    }
    return out;
  }

  /** (clause1 (clause2 ...)) where each clause is right-branching over its words. */
  static Tree build(List<CoreLabel> tokens) {
    List<Tree> clauses = new ArrayList<>();
    List<Tree> current = new ArrayList<>();
    for (CoreLabel token : tokens) {
      String word = token.word();
      if (CLAUSE_BREAKS.contains(word.toLowerCase()) && !current.isEmpty()) {
        clauses.add(rightBranching(current));
        current = new ArrayList<>();
      }
      current.add(preterminal(token));
    }
    if (!current.isEmpty()) {
      clauses.add(rightBranching(current));
    }
    return clauses.isEmpty() ? null : rightBranching(clauses);
  }

  private static Tree rightBranching(List<Tree> parts) {
    Tree tree = parts.get(parts.size() - 1);
    for (int i = parts.size() - 2; i >= 0; i--) {
      tree = node(List.of(parts.get(i), tree));
    }
    return tree;
  }

  /** The leaf keeps the token's offsets, so evidence can quote the original words. */
  private static Tree preterminal(CoreLabel token) {
    CoreLabel leaf = new CoreLabel();
    leaf.setValue(token.word());
    leaf.setWord(token.word());
    leaf.setBeginPosition(token.beginPosition());
    leaf.setEndPosition(token.endPosition());
    return node(List.of(new LabeledScoredTreeNode(leaf)));
  }

  private static Tree node(List<Tree> children) {
    CoreLabel label = new CoreLabel();
    label.setValue("X");
    return new LabeledScoredTreeNode(label, new ArrayList<>(children));
  }

  @Override
  public String name() {
    return "corenlp-rntn-chunktree";
  }
}
