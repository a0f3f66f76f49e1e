package dev.parley.curation;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.parley.knowledge.InvalidKnowledgeException;

/**
 * Problem details for the curation endpoints' own failures. Ordered before the application-wide handler, whose
 * catch-all would otherwise answer these with a 500; everything else is left to that one.
 */
@RestControllerAdvice(basePackageClasses = CurationExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CurationExceptionHandler {

    @ExceptionHandler(InvalidKnowledgeException.class)
    ProblemDetail invalidKnowledge(InvalidKnowledgeException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.problems().size()
                + " problem(s) in the intent files; nothing was changed and the model in service keeps answering.");
        problem.setTitle("Invalid intent files");
        problem.setProperty("errors", e.problems());
        return problem;
    }
}
