package dev.parley.system;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
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
    public static final long MAX_BODY_KIB = 16;

    /** {@link #MAX_BODY_KIB} in bytes. */
    public static final long MAX_BODY_BYTES = MAX_BODY_KIB * 1024;

    private final ProblemResponses problems;
    /** The paths whose bodies may be larger, as their features declare them ({@link BodyLimit}). */
    private final Map<String, Long> limitByPath;

    RequestSizeLimitFilter(ProblemResponses problems, List<BodyLimit> limits) {
        this.problems = problems;
        var byPath = new HashMap<String, Long>();
        for (BodyLimit limit : limits) {
            if (byPath.putIfAbsent(limit.path(), limit.maxBytes()) != null) {
                throw new IllegalStateException("Two body limits for " + limit.path());
            }
        }
        this.limitByPath = Map.copyOf(byPath);
    }

    /** The most bytes a request body to {@code path} (without the context path) may have. */
    long limitFor(String path) {
        return limitByPath.getOrDefault(path, MAX_BODY_BYTES);
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
