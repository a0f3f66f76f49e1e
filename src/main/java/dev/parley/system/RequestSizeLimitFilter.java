package dev.parley.system;

import java.io.IOException;
import java.util.Map;

import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies larger than any valid request could be (413), on every path: a question or a feedback
 * comment is at most 1,000 characters, so megabytes of JSON are a mistake or an attack, not something to parse. A
 * declared {@code Content-Length} over the limit is refused before anything reads the body; every other body,
 * chunked ones included, is counted as it is read and fails to read past the limit
 * ({@link RequestBodyTooLargeException}, answered by {@link ApiExceptionHandler} when it surfaces in Spring MVC).
 *
 * <p>Ordered before every filter that may read a body (Spring's {@code FormContentFilter}, at -9900, reads form
 * bodies of PUT, PATCH and DELETE requests on any path).
 */
@Component
@Order(OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 10_000)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    /**
     * Bytes any request body may have, unless its path has a limit of its own. The largest valid ask is a 1,000
     * character question, each character a JSON escaped surrogate pair ({@code \ud83d\ude00}, 12 bytes): 12,000
     * bytes, plus a session id and an intent id.
     */
    public static final long MAX_BODY_BYTES = 16 * 1024;

    /**
     * A proposal holds up to 50 examples of up to 1,000 characters each: 600,000 bytes when every character is an
     * escaped surrogate pair, 200,000 as raw 4-byte UTF-8. 1 MiB admits that with room for the intent id, the JSON
     * punctuation and pretty-printing; it is an admin endpoint, behind the credentials.
     */
    public static final long MAX_PROPOSAL_BYTES = 1024 * 1024;

    /** The paths whose bodies may be larger than {@link #MAX_BODY_BYTES}: the one place that says so. */
    private static final Map<String, Long> LIMIT_BY_PATH = Map.of("/api/v1/admin/proposals", MAX_PROPOSAL_BYTES);

    private final ProblemResponses problems;

    RequestSizeLimitFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    /** The most bytes a request body to {@code path} (without the context path) may have. */
    static long limitFor(String path) {
        return LIMIT_BY_PATH.getOrDefault(path, MAX_BODY_BYTES);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // An exact match only: a path spelt otherwise (a doubled slash, a ;parameter) gets the smaller limit.
        long limit = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, new RequestBodyTooLargeException(limit));
            return;
        }
        // Every request is wrapped, not only those that declare a body: over HTTP/2 a body needs neither header.
        try {
            chain.doFilter(new LimitedBodyRequest(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // Read past the limit by a filter or servlet that let the failure through (Spring MVC answers its own).
            var tooLarge = RequestBodyTooLargeException.in(e);
            if (tooLarge.isEmpty() || response.isCommitted()) {
                throw e;
            }
            // Only what was written is dropped, not the headers set before the chain ran (nosniff, no-store).
            response.resetBuffer();
            refuse(request, response, tooLarge.get());
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RequestBodyTooLargeException e)
            throws IOException {
        problems.write(request, response, e.problem());
    }
}
