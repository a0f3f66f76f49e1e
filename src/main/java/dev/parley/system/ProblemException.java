package dev.parley.system;

import org.springframework.web.ErrorResponseException;

/**
 * A failure that is answered with its {@link Problem}, whichever controller throws it: the exception handler sends
 * the problem's status, body and headers as they are. A feature's own exceptions extend it to say what went wrong
 * in its terms ({@code review.InvalidReviewRequestException}); {@link Problem#exception()} serves the rest.
 */
public class ProblemException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, Throwable cause) {
        super(problem.status(), problem.body(), cause);
        getHeaders().addAll(problem.headers());
    }
}
