package dev.parley.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.admin.AdminApi;
import dev.parley.admin.AdminApiDocumentation;
import dev.parley.system.ProblemException;
import dev.parley.system.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /api/v1/admin/exchanges.csv}: every exchange with its feedback, for a spreadsheet (admin only). */
@RestController
@Tag(name = AdminApiDocumentation.EXPORT_TAG, description = "The conversation history for a spreadsheet (HTTP Basic, "
        + "the admin user of parley.admin.*)")
@AdminApi
class ExchangeExportController {

    static final String TEXT_CSV = "text/csv";
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final ExchangeCsvExport export;

    ExchangeExportController(ExchangeCsvExport export) {
        this.export = export;
    }

    @Operation(summary = "Export exchanges as CSV",
            description = "One row per exchange, oldest first, with the feedback on its answer: asked_at (ISO-8601, "
                    + "UTC), session_id, channel, question, normalized_question, intent, confidence, fallback, "
                    + "clarification, answer_id, helpful, comment. Text that a spreadsheet would run as a formula "
                    + "(starting with = + - @) gets a leading apostrophe. Needs the admin user (HTTP Basic).")
    @ApiResponse(responseCode = "200", description = "The CSV file (RFC 4180, UTF-8), streamed",
            content = @Content(mediaType = TEXT_CSV))
    @ApiResponse(responseCode = "400", description = "A malformed date, or 'from' after 'to'",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/v1/admin/exchanges.csv")
    void exportCsv(@Parameter(description = "First day included (UTC), yyyy-MM-dd", example = "2026-01-01")
                   @RequestParam(required = false) String from,
                   @Parameter(description = "Last day included (UTC), yyyy-MM-dd", example = "2026-01-31")
                   @RequestParam(required = false) String to,
                   HttpServletResponse response) throws IOException {
        ExportPeriod period = period(from, to);
        response.setContentType(TEXT_CSV + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(period.fileName(LocalDate.now(ZoneOffset.UTC))).build().toString());
        var out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        export.write(period, out);
        out.flush();
    }

    private static ExportPeriod period(String from, String to) {
        try {
            return new ExportPeriod(date("from", from), date("to", to));
        } catch (IllegalArgumentException e) {
            throw badPeriod(e.getMessage());
        }
    }

    private static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        String problem = "'" + name + "' must be a date as yyyy-MM-dd, e.g. 2026-01-31";
        // Four-digit years only: ISO dates may also be "+300000-01-01", which no database column can hold.
        if (!DATE.matcher(value).matches()) {
            throw badPeriod(problem);
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw badPeriod(problem);
        }
    }

    private static ProblemException badPeriod(String detail) {
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid period", detail).exception();
    }
}
