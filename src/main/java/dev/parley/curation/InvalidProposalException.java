package dev.parley.curation;

import org.springframework.http.HttpStatus;

import dev.parley.system.ProblemException;
import dev.parley.system.ProblemResponses;

/** A proposal that cannot be applied as asked, for a reason the request itself holds; answered with a 400. */
class InvalidProposalException extends ProblemException {

    private static final long serialVersionUID = 1L;

    InvalidProposalException(String message) {
        super(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request", message));
    }
}
