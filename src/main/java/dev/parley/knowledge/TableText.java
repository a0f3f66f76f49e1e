package dev.parley.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A question/answer table as a spreadsheet writes it (CSV, or TSV with tabs): its rows of cells, quotes undone, in one
 * place, for the import that reads the table and for the seeds folder that checks the excerpts quoting it. The text a
 * reader sees in a table is its cells, one a line, so an answer cell quoted as written stands in it word for word.
 */
public final class TableText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TableText() {
    }

    /** The cell delimiter of a table file by its extension: a tab for {@code .tsv}, else a comma. */
    public static char delimiterOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tsv") ? '\t' : ',';
    }

    /**
     * The rows of {@code file}, UTF-8 (a spreadsheet's byte-order mark dropped), each a list of its cells as written
     * in it, quotes and doubled quotes undone (RFC 4180; a cell may span lines). Empty lines are rows without cells.
     *
     * @throws IOException              when the file cannot be read, or is not UTF-8
     * @throws IllegalArgumentException when a quoted cell is never closed, naming the line
     */
    public static List<List<String>> rows(Path file) throws IOException {
        return rows(file, delimiterOf(file));
    }

    /** {@link #rows(Path)} of a table whose cells are split at {@code delimiter}, whatever its file's name. */
    public static List<List<String>> rows(Path file, char delimiter) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        var rows = new ArrayList<List<String>>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                rows.add(cells.size() == 1 && cells.get(0).isEmpty() ? List.of() : cells);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("is no well-formed " + (delimiter == '\t' ? "TSV" : "CSV")
                    + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        return rows;
    }

    /** What a reader sees in a table: every cell, one a line. */
    static String of(Path file) throws IOException {
        try {
            return rows(file).stream().flatMap(List::stream).collect(Collectors.joining("\n"));
        } catch (IllegalArgumentException e) {
            // a table the parser cannot read is still text: its excerpts are checked against the file as it stands
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }
}
