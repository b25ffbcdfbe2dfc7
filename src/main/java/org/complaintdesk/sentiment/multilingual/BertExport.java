package org.complaintdesk.sentiment.multilingual;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.complaintdesk.sentiment.network.BertGraph;
import org.complaintdesk.sentiment.network.OnnxInitializers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What scoring reads of multilingual BERT, exported once per machine from the SavedModel beside it:
 * the embedding layer and layers 0 to 7 as one 8-bit ONNX graph ({@code lower.onnx}, {@link
 * BertGraph#embeddedLayers}, with its word-piece table beside it, {@link BertGraph#WORD_PIECES}),
 * and the 32-bit weights of layers 8 to 11, which tone networks tune ({@code layer-8.onnx} ...).
 * With it, scoring runs on ONNX Runtime alone and never loads TensorFlow, which held the whole
 * SavedModel in native memory for the embedding layer (docs/benchmarks.md has the memory and
 * start-up figures). Written into a temporary directory and renamed when complete, as {@link
 * SavedModelCache} unpacks, so a partial export is never read.
 */
final class BertExport {
  private static final Logger LOG = LoggerFactory.getLogger(BertExport.class);

  /**
   * Part of the directory's name. Bump it when what is exported changes (BertGraphTest pins the
   * graph's bytes), so that an export written by older code is not read.
   */
  static final String FORMAT = "onnx-3";

  static final String LOWER = "lower.onnx";

  /** The layers whose weights are exported for tuning: those above the encoder's run. */
  static final int FIRST_TOP = MultilingualBertEncoder.VECTOR_LAYER;

  private BertExport() {}

  /** The export of {@code savedModel}, written now if it is not there yet. */
  static Path ensure(Path savedModel) {
    Path target = savedModel.resolveSibling(savedModel.getFileName() + "." + FORMAT);
    if (Files.isDirectory(target)) {
      dropOlderExports(savedModel); // also those from before older exports were dropped
      return target;
    }
    try {
      LOG.info("Exporting multilingual BERT for ONNX Runtime into {} (once per machine)", target);
      SavedModelCache.writeAtomically(
          target,
          into -> {
            try (BertSavedModel tensorflow = BertSavedModel.open(savedModel)) {
              write(tensorflow, into);
            }
          });
      dropOlderExports(savedModel);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export multilingual BERT into " + target, e);
    }
  }

  /**
   * Deletes the exports older code wrote beside {@code savedModel} (another format's name): about
   * 500 MB each, never read again. Directories still being written ({@code .partial-}) belong to a
   * running process and are left alone; a failure is logged, since the new export works without it.
   */
  static void dropOlderExports(Path savedModel) {
    String prefix = savedModel.getFileName() + ".onnx-";
    String current = savedModel.getFileName() + "." + FORMAT;
    try (Stream<Path> siblings = Files.list(savedModel.toAbsolutePath().getParent())) {
      for (Path old :
          siblings
              .filter(Files::isDirectory)
              .filter(
                  p -> {
                    String name = p.getFileName().toString();
                    return name.startsWith(prefix)
                        && !name.equals(current)
                        && !name.contains(".partial-");
                  })
              .toList()) {
        SavedModelCache.deleteTree(old);
        LOG.info("Deleted {}, an export written by an older version", old);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Could not delete older exports of multilingual BERT beside {}", savedModel, e);
    }
  }

  private static void write(BertSavedModel tensorflow, Path into) throws IOException {
    Map<String, OnnxInitializers.Tensor> lower = new LinkedHashMap<>(tensorflow.embeddings());
    lower.putAll(tensorflow.layers(0, FIRST_TOP));
    BertGraph.writeWordPieces(lower, into.resolve(BertGraph.WORD_PIECES));
    write(
        BertGraph.embeddedLayers(
            lower,
            MultilingualBertEncoder.SHAPE,
            FIRST_TOP,
            BertGraph.Kernels.EIGHT_BIT,
            BertGraph.Gelu.TANH),
        into.resolve(LOWER));
    lower.clear();
    for (int l = FIRST_TOP; l < MultilingualBertEncoder.SHAPE.layers(); l++) {
      write(BertGraph.weights(tensorflow.layers(l, l + 1)), into.resolve(layerFile(l)));
    }
  }

  private static void write(ModelProto model, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      model.writeTo(out);
    }
  }

  /** The 32-bit weights of layers {@code first} (inclusive) to {@code end}, from an export. */
  static Map<String, OnnxInitializers.Tensor> layers(Path export, int first, int end) {
    if (first < FIRST_TOP || end > MultilingualBertEncoder.SHAPE.layers() || first > end) {
      throw new IllegalArgumentException(
          "exported are layers " + FIRST_TOP + " to " + MultilingualBertEncoder.SHAPE.layers());
    }
    Map<String, OnnxInitializers.Tensor> out = new LinkedHashMap<>();
    for (int l = first; l < end; l++) {
      Path file = export.resolve(layerFile(l));
      try {
        out.putAll(OnnxInitializers.read(Files.readAllBytes(file)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return out;
  }

  private static String layerFile(int layer) {
    return "layer-" + layer + ".onnx";
  }
}
