package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import java.util.List;
import java.util.Map;
import org.complaintdesk.sentiment.lexicon.EmojiLexicon;
import org.complaintdesk.sentiment.prep.PreparedText;
import org.complaintdesk.sentiment.prep.SocialTextPreparer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordStemsTest {
  private static final SocialTextPreparer PREPARER =
      new SocialTextPreparer(new EmojiLexicon(Map.of()));

  @ParameterizedTest
  @CsvSource({
    "it, deluso, delus",
    "it, delusa, delus",
    "it, servizi, serviz",
    "es, retrasos, retras",
    "es, pésima, pesim",
    "ar, والخدمة, خدم",
    "hi, yaar, yaar",
    "ru, сервис, сервис",
  })
  void lightStemsPerLanguageAndTheWordItselfWithoutAStemmer(
      String language, String word, String stem) {
    assertThat(WordStems.stem(language, word)).isEqualTo(stem);
  }

  @Test
  void stemFeaturesOnlyWhenAskedForAndTheLayerRemembersThem() {
    PreparedText text = PREPARER.prepare("Servizio pessimo, sono deluso");
    Counter<String> plain = NgramFeatures.extract(text, List.of(), null);
    Counter<String> stemmed = NgramFeatures.extract(text, List.of(), "it");
    assertThat(plain.keySet()).noneMatch(f -> f.startsWith("s:"));
    assertThat(stemmed.keySet()).contains("s:serviz", "s:pessim", "s:delus");
    assertThat(stemmed.keySet()).containsAll(plain.keySet());

    assertThat(NgramFeatures.usesStems(layer(plain))).isFalse();
    assertThat(NgramFeatures.usesStems(layer(stemmed))).isTrue();
  }

  private static LinearClassifier<String, String> layer(Counter<String> features) {
    RVFDataset<String, String> data = new RVFDataset<>();
    data.add(new RVFDatum<>(features, LabelledPost.NEGATIVE));
    data.add(
        new RVFDatum<>(
            NgramFeatures.extract(PREPARER.prepare("grazie mille"), List.of(), null),
            LabelledPost.POSITIVE));
    return new LinearClassifierFactory<String, String>().trainClassifier(data);
  }
}
