package org.complaintdesk.sentiment.english;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The plain CoreNLP pipeline: tokenize, ssplit, PCFG parse, sentiment, with default models. This is
 * the baseline every evaluation and benchmark compares against, and the slow-but-exact path.
 */
public final class ParsedSentimentScorer implements SentenceSentimentScorer {
  private final StanfordCoreNLP pipeline;

  public ParsedSentimentScorer() {
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
  public List<ScoredSentence> score(String text) {
    Annotation doc = new Annotation(text);
    pipeline.annotate(doc);
    List<ScoredSentence> out = new ArrayList<>();
    for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      if (tree != null && ScoredSentence.negative(tree) + ScoredSentence.positive(tree) > 0) {
        out.add(
            new ScoredSentence(
                sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class),
                tree));
      }
    }
    return out;
  }

  @Override
  public String name() {
    return "corenlp-pcfg-rntn";
  }
}
