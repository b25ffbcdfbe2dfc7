package org.complaintdesk.sentiment.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads labelled TSV files in the format of the shared evaluation data: a header row with at least
 * {@code id} and {@code label}, optionally {@code lang}, and {@code text} as the last column.
 */
public final class LabelledTsv {
  private LabelledTsv() {}

  public static List<LabelledPost> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
    int id = header.indexOf("id");
    int label = header.indexOf("label");
    int lang = header.indexOf("lang");
    int text = header.size() - 1;
    if (label < 0 || !"text".equals(header.get(text))) {
      throw new IOException(file + ": needs a header with 'label' and 'text' as the last column");
    }
    List<LabelledPost> out = new ArrayList<>();
    boolean complaintFile =
        lines.stream()
            .skip(1)
            .limit(200)
            .anyMatch(
                l ->
                    l.split("\t", -1).length > label
                        && l.split("\t", -1)[label].contains("complaint"));
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      // The text is last and may itself contain no tabs (they were folded), but be lenient.
      String[] cols = line.split("\t", text + 1);
      if (cols.length <= text) {
        throw new IOException(file + ":" + (i + 1) + ": expected " + (text + 1) + " columns");
      }
      out.add(
          new LabelledPost(
              id >= 0 ? cols[id] : String.valueOf(i),
              LabelledPost.canonicalLabel(cols[label]),
              lang >= 0 ? cols[lang] : null,
              cols[text],
              1,
              complaintFile ? LabelledPost.COMPLAINT : LabelledPost.SENTIMENT,
              file.getFileName().toString()));
    }
    return out;
  }
}
