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
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.parley.conversation.ExchangeNotKeptException;
import dev.parley.conversation.UnknownAnswerException;
import dev.parley.knowledge.InvalidKnowledgeException;
import dev.parley.knowledge.UnknownIntentException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one exception handler: turns every error a controller raises into RFC 9457 problem details
 * ({@code application/problem+json}), built by {@link ProblemResponses}. Spring MVC's own errors (415, 405, 404 and
 * the like) go through {@link ResponseEntityExceptionHandler}, and with them every {@link ProblemException} a feature
 * throws, answered with its own problem; the core's exceptions (knowledge, conversation), which know nothing of
 * HTTP, are mapped below. Clients never see a stack trace; unexpected failures are logged here and answered with a
 * plain 500 problem.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String UNREADABLE = "The request body is missing or is not valid JSON of the expected shape";

    @ExceptionHandler(UnknownIntentException.class)
    ResponseEntity<ProblemDetail> unknownIntent(UnknownIntentException e) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, "Unknown intent", e.getMessage())
                .withProperty("id", e.id()).response();
    }

    @ExceptionHandler(UnknownAnswerException.class)
    ResponseEntity<ProblemDetail> unknownAnswer(UnknownAnswerException e) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, "Unknown answer", e.getMessage())
                .withProperty("answerId", e.answerId()).response();
    }

    /** The answer exists only once its exchange is stored; without that, no answer id may be handed out. */
    @ExceptionHandler(ExchangeNotKeptException.class)
    ResponseEntity<ProblemDetail> exchangeNotKept(ExchangeNotKeptException e) {
        log.error("Withheld an answer: its exchange could not be stored", e);
        return ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Answer not kept",
                        ExchangeNotKeptException.USER_MESSAGE)
                .withHeader(HttpHeaders.RETRY_AFTER, "5").response();
    }

    /** Intent files a reload or a proposal found wrong: nothing changed, and the curator gets every problem. */
    @ExceptionHandler(InvalidKnowledgeException.class)
    ResponseEntity<ProblemDetail> invalidKnowledge(InvalidKnowledgeException e) {
        return ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid intent files", e.problems().size()
                        + " problem(s) in the intent files; nothing was changed and the model in service keeps "
                        + "answering.")
                .withProperty("errors", e.problems()).response();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<RequestBodyTooLargeException> tooLarge = RequestBodyTooLargeException.in(e);
        if (tooLarge.isPresent()) {
            return tooLarge.get().problem().response();
        }
        log.error("Unexpected failure while handling a request", e);
        return ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                ProblemResponses.SOMETHING_WENT_WRONG).response();
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(org.springframework.validation.FieldError::getField))
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        var problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request", errors.stream()
                .map(error -> "'" + error.get("field") + "' " + error.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("The request is not valid."))
                .withProperty("errors", errors);
        return handleExceptionInternal(e, problem.body(), headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A body that grew past its limit while it was read arrives wrapped (Jackson's I/O failure inside Spring's
     * {@code HttpMessageNotReadableException}, or inside any other of Spring MVC's exceptions): it is a 413, not the
     * 400 of unreadable JSON, wherever it surfaces.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Optional<RequestBodyTooLargeException> tooLarge = RequestBodyTooLargeException.in(e);
        if (tooLarge.isPresent()) {
            var problem = tooLarge.get().problem();
            return super.handleExceptionInternal(e, problem.body(), problem.headers(), problem.status(), request);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /**
     * An unreadable body is explained with the example its controller gives ({@link BodyExample}), or with the
     * field that is wrong, where Jackson says which and the controller wants it named.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<BodyExample> example = bodyExample(request);
        Optional<String> field = example.isEmpty() || example.get().namesTheField() ? fieldProblem(e)
                : Optional.empty();
        String detail = field
                .map(wrong -> "The request body is not valid JSON of the expected shape: " + wrong + ".")
                .orElseGet(() -> example.map(given -> UNREADABLE + ", e.g. " + given.value() + ".")
                        .orElse(UNREADABLE + "."));
        var problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Unreadable request", detail);
        return handleExceptionInternal(e, problem.body(), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The example body of the controller that was to read it, if it gives one. */
    private static Optional<BodyExample> bodyExample(WebRequest request) {
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        return Optional.ofNullable(handler instanceof HandlerMethod method
                ? method.getBeanType().getAnnotation(BodyExample.class) : null);
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
