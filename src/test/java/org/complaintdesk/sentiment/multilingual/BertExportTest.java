package org.complaintdesk.sentiment.multilingual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void exportsOfOtherFormatsAreDeletedButNotOnesBeingWrittenNorTheSavedModel(@TempDir Path cache)
      throws IOException {
    Path savedModel = Files.createDirectories(cache.resolve("bert-1.0.0"));
    Files.writeString(savedModel.resolve("saved_model.pb"), "model");
    Path current = Files.createDirectories(cache.resolve("bert-1.0.0." + BertExport.FORMAT));
    Path older = Files.createDirectories(cache.resolve("bert-1.0.0.onnx-1"));
    Files.writeString(Files.createDirectories(older.resolve("nested")).resolve("lower.onnx"), "x");
    Files.createDirectories(cache.resolve("bert-1.0.0.onnx-2"));
    Path beingWritten = Files.createDirectories(cache.resolve("bert-1.0.0.onnx-2.partial-12345"));
    Path otherModel = Files.createDirectories(cache.resolve("other-2.0.onnx-1"));

    BertExport.dropOlderExports(savedModel);

    try (Stream<Path> left = Files.list(cache)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              savedModel.getFileName().toString(),
              current.getFileName().toString(),
              beingWritten.getFileName().toString(),
              otherModel.getFileName().toString());
    }
    assertThat(savedModel.resolve("saved_model.pb")).hasContent("model");
  }
}
