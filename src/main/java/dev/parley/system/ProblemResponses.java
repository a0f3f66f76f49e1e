package dev.parley.system;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one factory of RFC 9457 problems ({@code application/problem+json}), and their writer for the places that
 * answer before Spring MVC's exception handling can: servlet filters, Spring Security's handlers. Controllers and
 * feature code throw instead ({@link Problem#exception()}, {@link ProblemException}) and leave the answer to the one
 * exception handler; none of them writes JSON.
 */
@Component
public class ProblemResponses {

    /** What the user is told, on every channel (a 500 problem, the chat's internal-error frame), of a failure. */
    public static final String SOMETHING_WENT_WRONG = "Something went wrong on our side. Please try again.";

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** A problem with the status's reason phrase as its title ("Error" for a status HTTP has no name for). */
    public static Problem problem(HttpStatusCode status, String detail) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return problem(status, known != null ? known.getReasonPhrase() : "Error", detail);
    }

    /** A problem with a title of its own; {@code detail} may be null for none. */
    public static Problem problem(HttpStatusCode status, String title, String detail) {
        return new Problem(status, title, detail);
    }

    /** Sends {@code problem} as the whole response, with its headers, naming the request's path as its instance. */
    public void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        ProblemDetail body = problem.body();
        if (body.getInstance() == null && request != null) {
            body.setInstance(pathOf(request.getRequestURI()));
        }
        problem.headers().forEach((name, values) -> {
            response.setHeader(name, values.get(0));
            values.stream().skip(1).forEach(value -> response.addHeader(name, value));
        });
        response.setStatus(body.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    /**
     * Sends {@code problem} through the writer a container hands out for its own error report (Tomcat's
     * {@code Response.getReporter()}, null when the response can no longer be written), as UTF-8 text: for the
     * valve that answers what Tomcat refuses before any filter runs. The status is already the response's; no
     * instance is named, since the path may be the very thing that was refused.
     *
     * @return whether it was written
     */
    public boolean writeReport(HttpServletResponse response, ReportWriter reporter, Problem problem)
            throws IOException {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        problem.headers().forEach((name, values) -> {
            response.setHeader(name, values.get(0));
            values.stream().skip(1).forEach(value -> response.addHeader(name, value));
        });
        Writer writer = reporter.open();
        if (writer == null) {
            return false;
        }
        writer.write(json.writeValueAsString(problem.body()));
        return true;
    }

    /** Opens a container's error-report writer, once the content type is set; null when it cannot be written. */
    @FunctionalInterface
    public interface ReportWriter {
        Writer open() throws IOException;
    }

    /** A path as a relative URI, or null for one that is not a valid URI path (the problem is sent without it). */
    public static URI pathOf(String path) {
        if (path == null) {
            return null;
        }
        try {
            return new URI(null, null, path, null);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
