package dev.parley.system;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;


/**
 * A request body grew past the limit of its path while it was being read ({@link RequestSizeLimitFilter}). It is
 * thrown from the body's stream, so it reaches whoever reads it: Jackson wraps it, Spring MVC wraps that in turn.
 * Wherever it surfaces it is answered with the same 413 problem.
 */
final class RequestBodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    RequestBodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }

    /**
     * The 413 problem that answers this, wherever it surfaces. The rest of the body is not read: the connection is
     * closed instead of reading megabytes for nothing.
     */
    Problem problem() {
        return ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", getMessage())
                .withHeader(HttpHeaders.CONNECTION, "close");
    }

    /** This exception among {@code failure} and its causes, however deeply a reader wrapped it. */
    static Optional<RequestBodyTooLargeException> in(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    // Thrown for every oversized body, possibly thousands a second from one client: a stack trace would help no one.
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
