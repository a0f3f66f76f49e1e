package dev.parley.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes exchanges and their feedback as CSV (RFC 4180, quoted by Commons CSV), row by row as the database hands them
 * over, so an export of any size needs no more memory than one batch of rows.
 */
@Component
class ExchangeCsvExport {

    static final List<String> COLUMNS = List.of("asked_at", "session_id", "channel", "question",
            "normalized_question", "intent", "confidence", "fallback", "clarification", "answer_id", "helpful",
            "comment", "knowledge_version", "classifier");

    /** Rows fetched per round trip. PostgreSQL's driver otherwise reads the whole result into memory first. */
    private static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;

    ExchangeCsvExport(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /** Writes the header and every exchange of the period, oldest first. */
    // PostgreSQL's driver fetches in batches only inside a transaction (autocommit off).
    @Transactional(readOnly = true)
    public void write(ExportPeriod period, Writer out) throws IOException {
        var sql = new StringBuilder("""
                select e.asked_at, e.session_id, e.channel, e.question, e.normalized_question, e.intent_id,
                       e.confidence, e.fallback, e.clarification, e.answer_id, f.helpful, f.comment,
                       e.knowledge_version, e.classifier
                from exchange e left join feedback f on f.answer_id = e.answer_id
                where 1 = 1""");
        List<Object> params = new ArrayList<>();
        period.start().ifPresent(start -> {
            sql.append(" and e.asked_at >= ?");
            params.add(DatabaseTime.utc(start));
        });
        period.end().ifPresent(end -> {
            sql.append(" and e.asked_at < ?");
            params.add(DatabaseTime.utc(end));
        });
        sql.append(" order by e.asked_at, e.id");

        var csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
        jdbc.query(sql.toString(), row -> {
            try {
                csv.printRecord(record(row));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, params.toArray());
        csv.flush();
    }

    private static List<Object> record(ResultSet row) throws SQLException {
        Object helpful = row.getObject("helpful");
        return List.of(
                DatabaseTime.instant(row, "asked_at").toString(),
                text(row.getString("session_id")),
                row.getString("channel"),
                text(row.getString("question")),
                text(row.getString("normalized_question")),
                text(row.getString("intent_id")),
                // Plain notation: Double.toString would write a tiny confidence as 1.0E-4.
                BigDecimal.valueOf(row.getDouble("confidence")).toPlainString(),
                row.getBoolean("fallback"),
                row.getBoolean("clarification"),
                row.getString("answer_id"),
                helpful == null ? "" : helpful,
                text(row.getString("comment")),
                text(row.getString("knowledge_version")),
                text(row.getString("classifier")));
    }

    /**
     * A cell of text that came from a user. Spreadsheets run a cell that starts with = + - or @ (and, in some, a tab
     * or carriage return) as a formula, so a question such as {@code =HYPERLINK("http://evil", "click")} would become
     * a live link or worse in the site owner's spreadsheet (CSV injection). They skip leading blanks first, so the
     * first character that is not white space counts (OWASP). A leading apostrophe makes it text.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "\t\r".indexOf(value.charAt(0)) >= 0 || startsFormula(value) ? "'" + value : value;
    }

    private static boolean startsFormula(String value) {
        int first = 0;
        while (first < value.length() && isBlank(value.charAt(first))) {
            first++;
        }
        return first < value.length() && "=+-@".indexOf(value.charAt(first)) >= 0;
    }

    /** White space, including the no-break and typographic spaces Java's isWhitespace leaves out. */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
