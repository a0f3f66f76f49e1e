package dev.parley.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** The one problem factory: what it makes is what every layer sends, members and headers included. */
class ProblemTest {

    @Test
    void carriesItsMembersAndHeadersToTheBodyTheResponseAndTheException() {
        Problem problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many; try again in 3 s.")
                .withProperty("parameter", "days").withHeader(HttpHeaders.RETRY_AFTER, "3");

        assertThat(problem.body().getTitle()).isEqualTo("Too Many Requests");
        assertThat(problem.body().getDetail()).isEqualTo("Too many; try again in 3 s.");
        assertThat(problem.body().getProperties()).containsEntry("parameter", "days");
        assertThat(problem.body().getType()).as("Spring's default, as before")
                .isEqualTo(ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS).getType());
        var response = problem.response();
        assertThat(response.getStatusCode().value()).isEqualTo(429);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().get(HttpHeaders.RETRY_AFTER)).isEqualTo(List.of("3"));
        var exception = problem.exception();
        assertThat(exception.getStatusCode().value()).isEqualTo(429);
        assertThat(exception.getBody().getProperties()).containsEntry("parameter", "days");
        assertThat(exception.getHeaders().get(HttpHeaders.RETRY_AFTER)).isEqualTo(List.of("3"));
    }

    @Test
    void isImmutable() {
        Problem plain = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request", "no");

        Problem typed = plain.withProperty("errors", List.of()).withHeader(HttpHeaders.CONNECTION, "close")
                .withType(URI.create("https://example.org/bad"));

        assertThat(typed.body().getType()).isEqualTo(URI.create("https://example.org/bad"));
        assertThat(typed.headers().getFirst(HttpHeaders.CONNECTION)).isEqualTo("close");
        assertThat(plain.body().getProperties()).isNullOrEmpty();
        assertThat(plain.headers().isEmpty()).isTrue();
        assertThat(plain.body().getType()).isEqualTo(ProblemDetail.forStatus(HttpStatus.BAD_REQUEST).getType());
    }

    @Test
    void aStatusHttpHasNoNameForIsTitledError() {
        assertThat(ProblemResponses.problem(HttpStatusCode.valueOf(499), "gone").body().getTitle()).isEqualTo("Error");
    }
}
