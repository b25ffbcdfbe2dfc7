package org.complaintdesk.sentiment.english;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import edu.stanford.nlp.util.HashIndex;
import java.util.List;
import org.complaintdesk.testing.SharedScorer;
import org.complaintdesk.testing.Vectors;
import org.junit.jupiter.api.Test;

/**
 * The real encoder (the shared one, loaded once per test JVM) from the jar on the classpath: no
 * download, the same vector every time.
 */
class E5SentenceEncoderTest {
  private static final SentenceEncoder ENCODER = SharedScorer.components().encoder();

  @Test
  void givesOneUnitLengthVectorPerTextAndTheSameOneEachTime() {
    float[] v = ENCODER.encode("My flight was cancelled and nobody answers the phone");
    assertThat(v).hasSize(ENCODER.dimensions());
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    assertThat(Math.sqrt(norm)).isBetween(0.99, 1.01);
    assertThat(ENCODER.encode("My flight was cancelled and nobody answers the phone")).isEqualTo(v);
  }

  @Test
  void textsThatMeanTheSameAreCloserThanTextsThatDoNot() {
    float[] cancelled = ENCODER.encode("my flight got cancelled again, furious");
    float[] paraphrase = ENCODER.encode("they cancelled my flight one more time and I am angry");
    float[] unrelated = ENCODER.encode("lovely sunny afternoon in the park with the kids");
    assertThat(Vectors.cosine(cancelled, paraphrase))
        .isGreaterThan(Vectors.cosine(cancelled, unrelated) + 0.05);
  }

  /**
   * The shipped model's layers learned from LangChain4j's vectors of the same network; ours must be
   * the same numbers, or the layers would read something they were not trained on.
   */
  @Test
  void givesTheVectorsLangChain4jsPackagedModelGives() {
    EmbeddingModel packaged = new E5SmallV2QuantizedEmbeddingModel(Runnable::run);
    for (String post :
        List.of(
            "@NimbusAir my flight got cancelled AGAIN 😡 #neveragain",
            "لم يصل طلبي منذ أسبوع",
            "thanks for the quick refund!")) {
      float[] ours = ENCODER.encode(post);
      float[] theirs = packaged.embed("query: " + post).content().vector();
      for (int i = 0; i < ours.length; i++) {
        assertThat(ours[i]).as("%s [%d]", post, i).isCloseTo(theirs[i], within(1e-5f));
      }
    }
  }

  @Test
  void aPostLongerThanTheModelReadsIsCutNotRefused() {
    String longPost = "still waiting for my refund and nobody answers ".repeat(200);
    float[] v = ENCODER.encode(longPost);
    assertThat(v).hasSize(ENCODER.dimensions());
    assertThat(Float.isNaN(v[0])).isFalse();
  }

  @Test
  void emptyTextStillGetsAVector() {
    assertThat(ENCODER.encode("")).hasSize(ENCODER.dimensions());
    assertThat(ENCODER.encode(null)).hasSize(ENCODER.dimensions());
  }

  @Test
  void featuresAreNamedAfterTheEncoderAndOnlyLayersTrainedWithThemUseIt() {
    Counter<String> f = new ClassicCounter<>();
    EnglishFeatures.addEncoderFeatures(ENCODER, "late again", f);
    assertThat(f.keySet()).hasSize(ENCODER.dimensions()).contains("e5:0", "e5:383");
    EnglishFeatures.addEncoderFeatures(null, "late again", f);
    assertThat(f.keySet()).hasSize(ENCODER.dimensions());

    assertThat(EnglishFeatures.usesEncoder(layer("e5:0", "w:late"), ENCODER)).isTrue();
    assertThat(EnglishFeatures.usesEncoder(layer("w:late"), ENCODER)).isFalse();
    assertThat(EnglishFeatures.usesEncoder(layer("e5:0"), null)).isFalse();
  }

  private static LinearClassifier<String, String> layer(String... features) {
    HashIndex<String> featureIndex = new HashIndex<>(List.of(features));
    HashIndex<String> labels = new HashIndex<>(List.of("negative", "neutral"));
    return new LinearClassifier<>(new double[features.length][2], featureIndex, labels);
  }
}
