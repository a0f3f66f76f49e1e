package dev.parley.system;

import java.io.IOException;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The one way a limit per client answers: 429 problem details, with {@code Retry-After} when the wait is known. */
public final class TooManyRequests {

    private TooManyRequests() {
    }

    /**
     * Sends the 429.
     *
     * @param wait   how long until the client may try again, or null when that is not known in advance (it depends
     *               on when the client's other connections close)
     * @param detail what was too much; with a known wait, "; try again in N s." is added to it
     */
    public static void send(ProblemResponses problems, HttpServletRequest request, HttpServletResponse response,
            Duration wait, String detail) throws IOException {
        if (wait == null) {
            problems.write(request, response, ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, detail));
            return;
        }
        problems.write(request, response, ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS,
                retryText(detail, wait)).withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds(wait))));
    }

    /**
     * "{@code what}; try again in N s.": the words every refusal over HTTP with a known wait ends in. The chat says
     * its knowledge base's own words instead (the bot file's {@code rate-limited} text), with the same seconds.
     */
    public static String retryText(String what, Duration wait) {
        return what + "; try again in " + retryAfterSeconds(wait) + " s.";
    }

    /** Whole seconds, rounded up, and at least 1: "0" would invite the client to retry at once and be refused. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
