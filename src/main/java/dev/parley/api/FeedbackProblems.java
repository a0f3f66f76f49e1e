package dev.parley.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An unreadable feedback body is explained with a feedback example; {@code system.ApiExceptionHandler}'s general message
 * shows a question, which would only confuse a client that sent {@code {"helpful": "yes"}}.
 */
@RestControllerAdvice(assignableTypes = FeedbackController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after RequestTooLargeProblems, which answers a body over its limit with 413
class FeedbackProblems {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON of the expected shape, "
                        + "e.g. {\"helpful\": false, \"comment\": \"It did not say where to apply.\"}; "
                        + "'helpful' must be true or false.");
        problem.setTitle("Unreadable request");
        return problem;
    }
}
