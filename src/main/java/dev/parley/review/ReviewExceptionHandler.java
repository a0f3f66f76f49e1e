package dev.parley.review;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a bad review parameter with 400 problem details naming it; ordered before the API's catch-all handler. */
@RestControllerAdvice(assignableTypes = ReviewController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewExceptionHandler {

    @ExceptionHandler(InvalidReviewRequestException.class)
    ProblemDetail invalidParameter(InvalidReviewRequestException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("parameter", e.parameter());
        return problem;
    }
}
