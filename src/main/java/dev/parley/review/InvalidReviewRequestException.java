package dev.parley.review;

import org.springframework.http.HttpStatus;

import dev.parley.system.ProblemException;
import dev.parley.system.ProblemResponses;

/** A review request with a parameter out of range or of the wrong form; answered with 400 problem details naming it. */
class InvalidReviewRequestException extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    InvalidReviewRequestException(String parameter, String message) {
        super(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request", message)
                .withProperty("parameter", parameter));
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
