package nl.webcare.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the data-set TSV format ({@code id<TAB>label<TAB>text<TAB>meta}, with a header line). */
public final class LabelledTexts {
  private LabelledTexts() {}

  public record Row(String id, String label, String text) {}

  public static List<Row> read(Path file, int limit) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null || !header.startsWith("id\tlabel\ttext")) {
        throw new IOException(file + ": expected a header line id<TAB>label<TAB>text<TAB>meta");
      }
      String line;
      while ((line = reader.readLine()) != null && rows.size() < limit) {
        String[] cells = line.split("\t", 4);
        if (cells.length >= 3) {
          rows.add(new Row(cells[0], cells[1], cells[2]));
        }
      }
    }
    return rows;
  }
}
