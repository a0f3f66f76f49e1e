package dev.parley.system;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors that never reach a controller (rejected by the servlet container, or thrown in a filter) are forwarded to
 * {@code /error}; they too are answered with problem details, never an HTML page or a stack trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        // A path the container could not make sense of is left out; the problem is still reported.
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return ProblemResponses.problem(status, null)
                .withInstance(path == null ? null : ProblemResponses.pathOf(String.valueOf(path))).response();
    }
}
