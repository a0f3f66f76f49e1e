package dev.parley.system;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.parley.conversation.ExchangeNotKeptException;
import dev.parley.conversation.UnknownAnswerException;
import dev.parley.knowledge.UnknownIntentException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every error into RFC 9457 problem details ({@code application/problem+json}): Spring MVC's own errors
 * (415, 405, 404 and the like) through {@link ResponseEntityExceptionHandler}, ours below. Clients never see a stack
 * trace; unexpected failures are logged here and answered with a plain 500 problem.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(UnknownIntentException.class)
    ProblemDetail unknownIntent(UnknownIntentException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown intent");
        problem.setProperty("id", e.id());
        return problem;
    }

    @ExceptionHandler(UnknownAnswerException.class)
    ProblemDetail unknownAnswer(UnknownAnswerException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown answer");
        problem.setProperty("answerId", e.answerId());
        return problem;
    }

    /** The answer exists only once its exchange is stored; without that, no answer id may be handed out. */
    @ExceptionHandler(ExchangeNotKeptException.class)
    ResponseEntity<ProblemDetail> exchangeNotKept(ExchangeNotKeptException e) {
        log.error("Withheld an answer: its exchange could not be stored", e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The answer could not be kept, so it was not given. Please ask again in a moment.");
        problem.setTitle("Answer not kept");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure while handling a request", e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Please try again.");
        problem.setTitle("Internal error");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(org.springframework.validation.FieldError::getField))
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.stream()
                .map(error -> "'" + error.get("field") + "' " + error.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("The request is not valid."));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, fieldProblem(e)
                .map(field -> "The request body is not valid JSON of the expected shape: " + field + ".")
                .orElse("The request body is missing or is not valid JSON of the expected shape, "
                        + "e.g. {\"question\": \"Who can refer cases to the ICC?\"}."));
        problem.setTitle("Unreadable request");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Which field is wrong and how, where Jackson says: a client then knows what to fix without guessing. */
    private static Optional<String> fieldProblem(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                    && mismatch.getPath().get(mismatch.getPath().size() - 1).getPropertyName() != null) {
                String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getPropertyName();
                return Optional.of("'" + field + "' must be " + expected(mismatch.getTargetType()));
            }
            if (cause instanceof StreamReadException read && read.getMessage() != null
                    && read.getMessage().startsWith("Duplicate Object property")) {
                return Optional.of("a field is given twice (" + read.getOriginalMessage() + ")");
            }
        }
        return Optional.empty();
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "text (a JSON string)";
        }
        return type == null ? "of another type" : "of another type (" + type.getSimpleName() + ")";
    }
}
