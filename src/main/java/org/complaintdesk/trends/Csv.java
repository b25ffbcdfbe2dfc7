package org.complaintdesk.trends;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV export shared by every report: {@code ?format=csv} or {@code Accept: text/csv}. */
public final class Csv {
  public static final String TEXT_CSV = "text/csv";

  private Csv() {}

  /** True when the caller asked for CSV; a format other than json or csv is a 400. */
  public static boolean wanted(String format, HttpHeaders headers) {
    String f =
        org.complaintdesk.common.QueryParams.oneOf(
            "format", format, java.util.Set.of("json", "csv"));
    if (f != null) {
      return f.equals("csv");
    }
    return headers != null
        && headers.getAcceptableMediaTypes().stream()
            .anyMatch(
                m ->
                    !m.isWildcardType()
                        && m.getType().equals("text")
                        && m.getSubtype().equals("csv"));
  }

  /** Writes the header and rows (numbers as-is, doubles with 4 decimals) as an attachment. */
  public static Response response(String filename, List<String> header, List<List<Object>> rows) {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer =
        CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
      for (List<Object> row : rows) {
        printer.printRecord(row.stream().map(Csv::cell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Response.ok(out.toString(), new MediaType("text", "csv", "UTF-8"))
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .build();
  }

  private static Object cell(Object v) {
    if (v instanceof Double d) {
      return String.format(Locale.ROOT, "%.4f", d);
    }
    return v == null ? "" : v;
  }
}
