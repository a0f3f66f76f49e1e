package dev.parley.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A body that grew past its limit while a controller's argument was read arrives wrapped (Jackson's I/O failure
 * inside Spring's {@code HttpMessageNotReadableException}); it is a 413, not the 400 of unreadable JSON. Spring
 * matches a handler against the causes of an exception when an advice has none for the exception itself, so this
 * advice, ordered first, answers exactly those and leaves every other unreadable body to the advices after it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestTooLargeProblems {

    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLargeException e) {
        // As from the filter: the rest of the body is not read, the connection is closed instead.
        return ResponseEntity.of(e.problem()).header(HttpHeaders.CONNECTION, "close").build();
    }
}
