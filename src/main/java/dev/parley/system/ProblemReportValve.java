package dev.parley.system;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's error report, as problem details instead of its HTML page. Tomcat answers some requests itself before
 * any filter or servlet runs (an encoded '/', '\' or NUL in the path, a request line or headers over the limits, a
 * negative Content-Length); this valve on the host writes those answers, and any other error nothing else answered.
 * The detail is ours, never Tomcat's message or a stack trace.
 */
class ProblemReportValve extends ErrorReportValve {

    private final ProblemResponses problems;

    ProblemReportValve(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own report: nothing for a success, an answer already begun, or an error already reported.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            ResponseHeaders.addToError(response);
            if (problems.writeReport(response, response::getReporter,
                    ProblemResponses.problem(HttpStatusCode.valueOf(status), detail(status)))) {
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response cannot be written any more: there is no one left to tell.
        }
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is not valid HTTP as this server accepts it: check the path (no encoded '/', "
                    + "'\\' or NUL, no raw '\\'), the length of the URL, the size and number of the headers, and "
                    + "Content-Length.";
            case 414 -> "The request line (the path and query) is too long.";
            case 431 -> "The request headers are too large or too many.";
            case 404 -> "Nothing is served at this path.";
            default -> "The server could not handle this request.";
        };
    }
}
