package org.complaintdesk.sentiment.multilingual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The real network from the jar on the classpath, exported on this machine's first use: scoring
 * reads the export alone (MultilingualBertLayersTest checks its numbers against TensorFlow's).
 */
class BertExportTest {
  @Test
  void scoringAPostAndOpeningATuningNeverLoadTensorFlow() {
    try (MultilingualBertEncoder bert = MultilingualBertEncoder.load()) {
      assertThat(bert.encode("الخدمة سيئة جدا")).hasSize(768);
      assertThat(bert.states("Il pacco non è mai arrivato", 8)[0]).hasSize(768);
      assertThat(bert.publishedLayers(8, 9)).containsKey("8.query.w");
      assertThat(bert.loadedTensorFlow()).isFalse();
      bert.float32States("ciao", 8);
      assertThat(bert.loadedTensorFlow()).as("only the 32-bit check loads it").isTrue();
    }
  }

  @Test
  void theExportHoldsTheLayersAboveTheEncodersRunAndNoOthers() {
    Path export = BertExport.ensure(SavedModelCache.defaultCache().unpacked());
    assertThat(export.getFileName().toString()).endsWith("." + BertExport.FORMAT);
    assertThat(BertExport.layers(export, 11, 12)).hasSize(16);
    assertThat(BertExport.layers(export, 9, 9)).isEmpty();
    assertThatThrownBy(() -> BertExport.layers(export, 7, 9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layers 8 to 12");
    assertThatThrownBy(() -> BertExport.layers(export, 8, 13))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
