package dev.parley.system;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem ({@code application/problem+json}) straight to a servlet response, for the places
 * that answer before Spring MVC's exception handling can: servlet filters, Spring Security's handlers, the
 * container's error path. Controllers throw instead and leave the answer to the exception handler.
 */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** A problem with the status's reason phrase as its title. */
    public static ProblemDetail problem(HttpStatus status, String detail) {
        return problem(status, status.getReasonPhrase(), detail);
    }

    /** A problem with a title of its own. */
    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** Sends {@code problem} as the whole response, naming the request's path as its instance. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null && request != null) {
            problem.setInstance(pathOf(request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
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
