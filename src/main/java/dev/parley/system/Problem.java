package dev.parley.system;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * One RFC 9457 problem as Parley answers it: status, title, detail, type, extra members and the headers that go
 * with it ({@code Retry-After}, {@code WWW-Authenticate}, {@code Connection: close}). Made only by
 * {@link ProblemResponses#problem}, the one factory, and sent the same way from every layer: the exception handler
 * answers with {@link #response()}, a filter or a security handler with {@link ProblemResponses#write}, and a
 * controller throws {@link #exception()} (or an exception of its own feature that extends {@link ProblemException}).
 * Immutable: each {@code with} returns a new problem.
 */
public final class Problem {

    private final HttpStatusCode status;
    private final String title;
    private final String detail;
    private final URI type;
    private final URI instance;
    private final Map<String, Object> properties;
    private final HttpHeaders headers;

    Problem(HttpStatusCode status, String title, String detail) {
        this(status, title, detail, null, null, Map.of(), new HttpHeaders());
    }

    private Problem(HttpStatusCode status, String title, String detail, URI type, URI instance,
                    Map<String, Object> properties, HttpHeaders headers) {
        this.status = Objects.requireNonNull(status, "status must not be null");
        this.title = title;
        this.detail = detail;
        this.type = type;
        this.instance = instance;
        this.properties = properties;
        this.headers = headers;
    }

    /** This problem with an extra member, e.g. {@code errors} or {@code parameter}. */
    public Problem withProperty(String name, Object value) {
        var more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new Problem(status, title, detail, type, instance, Map.copyOf(more), headers);
    }

    /** This problem with a header sent along with it. */
    public Problem withHeader(String name, String value) {
        var more = new HttpHeaders();
        more.addAll(headers);
        more.set(name, value);
        return new Problem(status, title, detail, type, instance, properties, more);
    }

    /** This problem with a type URI of its own, instead of {@code about:blank}. */
    Problem withType(URI type) {
        return new Problem(status, title, detail, type, instance, properties, headers);
    }

    /** This problem naming where it occurred; without one, the request's path is named when it is sent. */
    public Problem withInstance(URI instance) {
        return new Problem(status, title, detail, type, instance, properties, headers);
    }

    public HttpStatusCode status() {
        return status;
    }

    /** The headers that go with this problem (a copy). */
    public HttpHeaders headers() {
        var copy = new HttpHeaders();
        copy.addAll(headers);
        return copy;
    }

    /** The problem's body, a new one each time (Spring fills in the instance of the one it sends). */
    public ProblemDetail body() {
        var body = ProblemDetail.forStatus(status);
        body.setTitle(title);
        body.setDetail(detail);
        if (type != null) {
            body.setType(type);
        }
        body.setInstance(instance);
        properties.forEach(body::setProperty);
        return body;
    }

    /** The whole answer, for an exception handler or a controller: status, headers, problem+json body. */
    public ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(status).headers(headers()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body());
    }

    /** An exception that, thrown from a controller, is answered with exactly this problem. */
    public ProblemException exception() {
        return new ProblemException(this);
    }
}
