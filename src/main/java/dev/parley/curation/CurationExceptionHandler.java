package dev.parley.curation;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.parley.knowledge.InvalidKnowledgeException;

/**
 * Problem details for the curation endpoints' own failures. Ordered before the application-wide handler, whose
 * catch-all would otherwise answer these with a 500; validation errors and the like are left to that one.
 */
@RestControllerAdvice(basePackageClasses = CurationExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after RequestTooLargeProblems, which answers a body over its limit with 413
class CurationExceptionHandler {

    @ExceptionHandler(InvalidKnowledgeException.class)
    ProblemDetail invalidKnowledge(InvalidKnowledgeException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.problems().size()
                + " problem(s) in the intent files; nothing was changed and the model in service keeps answering.");
        problem.setTitle("Invalid intent files");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    // The application-wide message shows a question to ask; a curator needs the shape of a proposal.
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON of the expected shape, e.g. "
                        + "{\"intent\": \"icc-referral\", \"examples\": [\"who gets to send cases to the icc\"]}.");
        problem.setTitle("Unreadable request");
        return problem;
    }

    @ExceptionHandler(InvalidProposalException.class)
    ProblemDetail invalidProposal(InvalidProposalException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        return problem;
    }
}
