package org.complaintdesk.sentiment.multilingual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.complaintdesk.sentiment.english.SentenceEncoder;
import org.complaintdesk.testing.SharedScorer;
import org.junit.jupiter.api.Test;

/**
 * The real network from the jar on the classpath (the shared instance, opened once per test JVM):
 * no download, one unit-length vector per post, the same whether a post is read alone or in a list
 * with longer ones (each post runs on its own: the 8-bit layers quantize their input per call).
 */
class MultilingualBertEncoderTest {
  private static final SentenceEncoder ENCODER = SharedScorer.components().multilingual();

  @Test
  void givesOneUnitLengthVectorPerPostAndTheSameOneEachTime() {
    String post = "الخدمة سيئة جدا ولم يرد أحد على شكواي";
    float[] v = ENCODER.encode(post);
    assertThat(v).hasSize(768);
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    assertThat(Math.sqrt(norm)).isBetween(0.99, 1.01);
    assertThat(ENCODER.encode(post)).isEqualTo(v);
  }

  @Test
  void aPostReadInABatchWithLongerPostsGetsTheVectorItGetsAlone() {
    String shortPost = "Servizio pessimo!";
    String longPost =
        "Ho chiamato il servizio clienti cinque volte questa settimana e nessuno ha ancora"
            + " risolto il problema con la mia fattura, sono davvero stanco di aspettare";
    float[][] batch = ENCODER.encodeAll(List.of(longPost, shortPost, "Merci beaucoup"));
    float[] alone = ENCODER.encode(shortPost);
    for (int j = 0; j < alone.length; j++) {
      assertThat(batch[1][j]).isCloseTo(alone[j], org.assertj.core.data.Offset.offset(1e-4f));
    }
    assertThat(batch[0]).isNotEqualTo(batch[1]);
  }

  @Test
  void handlesAndLinksDoNotChangeTheVector() {
    assertThat(ENCODER.encode("@KiteBank servicio horrible https://t.co/abc"))
        .isEqualTo(ENCODER.encode("@OtraMarca servicio horrible http://example.com/x"));
  }

  @Test
  void longPostsAreCutToTheLengthTheNetworkWasExportedFor() {
    // Beyond 128 word pieces nothing is read, so two long posts that differ only there match.
    String start = "très déçu ".repeat(100);
    assertThat(ENCODER.encode(start + "merci")).isEqualTo(ENCODER.encode(start + "horrible"));
    assertThat(ENCODER.encode("")).hasSize(768);
  }
}
