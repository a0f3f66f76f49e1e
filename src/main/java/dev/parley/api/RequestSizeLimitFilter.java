package dev.parley.api;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.parley.system.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses API request bodies larger than any valid request could be (413), before anything reads them: a question
 * is at most 1,000 characters, so megabytes of JSON are a mistake or an attack, not something to parse.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final long MAX_BODY_BYTES = 16 * 1024;

    private final ProblemResponses problems;

    RequestSizeLimitFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            // The unread body is not drained: the connection is closed instead of reading megabytes for nothing.
            response.setHeader("Connection", "close");
            problems.write(request, response, ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE,
                    "Request too large", "The request body is larger than " + MAX_BODY_BYTES + " bytes."));
            return;
        }
        chain.doFilter(request, response);
    }
}
