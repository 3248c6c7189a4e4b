package org.lawlang.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read as text cells: a header row, quoted fields, and no comment character (a
 * `#` inside a field, like the Epoch data's colour column, is data). Conversion of cells
 * to numbers happens per used column in {@link CsvLoader}, so unused text columns are fine.
 */
public record CsvTable(Path path, List<String> header, List<String[]> rows, int[] lines) {
  static final String EMPTY = "the file is empty (no header row)";

  /** Why a file could not be read, in words for the user. */
  public static final class ReadFailure extends Exception {
    private final int line;
    private final int fields;
    private final int expected;

    public ReadFailure(String message, int line) {
      this(message, line, 0, 0);
    }

    /** A ragged row: {@code fields} fields where the header has {@code expected}. */
    public ReadFailure(String message, int line, int fields, int expected) {
      super(message, null, false, false);
      this.line = line;
      this.fields = fields;
      this.expected = expected;
    }

    /** For a ragged row, how many fields it has; 0 otherwise. */
    public int fields() {
      return fields;
    }

    /** For a ragged row, how many fields the header has; 0 otherwise. */
    public int expected() {
      return expected;
    }

    /** True when the file was read but holds no header row. */
    public boolean empty() {
      return line == 0 && EMPTY.equals(getMessage());
    }

    /** The 1-based line of the file at fault, or 0 for the whole file. */
    public int line() {
      return line;
    }
  }

  public static CsvTable read(Path path) throws ReadFailure {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(path);
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ReadFailure("no such file", 0);
    } catch (CharacterCodingException e) {
      throw new ReadFailure("the file is not valid UTF-8 text", 0);
    } catch (IOException e) {
      throw new ReadFailure(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), 0);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
    List<String> header = null;
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    long[] at = {0};
    try (Reader reader = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
      java.util.Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        at[0] = parser.getCurrentLineNumber() + 1;
        if (!records.hasNext()) {
          break;
        }
        CSVRecord record = records.next();
        String[] cells = record.values();
        int line = (int) parser.getCurrentLineNumber();
        if (header == null) {
          header = List.of(cells);
          continue;
        }
        if (cells.length == 1 && cells[0].isBlank()) {
          continue;
        }
        if (cells.length != header.size()) {
          throw new ReadFailure("row " + line + " has " + cells.length + " fields, but the header has " + header.size(), line,
              cells.length, header.size());
        }
        rows.add(cells);
        lines.add(line);
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      String why = String.valueOf(e.getMessage());
      String what = why.contains("EOF") ? "a quoted field is never closed"
          : why.contains("encapsulated") ? "a quoted field has text after its closing quote"
          : "the row is not valid CSV";
      throw new ReadFailure("row " + at[0] + ": " + what, (int) Math.max(1, at[0]));
    }
    if (header == null) {
      throw new ReadFailure(EMPTY, 0);
    }
    return new CsvTable(path, header, rows, lines.stream().mapToInt(Integer::intValue).toArray());
  }

  public int columnIndex(String name) {
    return header.indexOf(name);
  }
}
