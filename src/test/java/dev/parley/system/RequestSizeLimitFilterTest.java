package dev.parley.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * The body limit knows no feature's path: a feature that needs a larger body declares it ({@link BodyLimit}), and
 * gets it on exactly that path. The whole server's limits are proven over HTTP in {@code RequestSizeLimitTest} and
 * {@code ProposalApiTest}.
 */
class RequestSizeLimitFilterTest {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(
            new ProblemResponses(JsonMapper.builder().build()), List.of(new BodyLimit("/big", 100_000)));

    @Test
    void aDeclaredPathGetsItsOwnLimitAndEveryOtherPathTheDefault() throws Exception {
        long overDefault = RequestSizeLimitFilter.MAX_BODY_BYTES + 1;

        assertThat(statusOf("/big", overDefault)).isEqualTo(200);
        assertThat(statusOf("/big", 100_001)).isEqualTo(413);
        assertThat(statusOf("/other", overDefault)).isEqualTo(413);
        assertThat(statusOf("/api/v1/admin/proposals", overDefault)).as("no feature's path is built in")
                .isEqualTo(413);
    }

    @Test
    void twoLimitsForOnePathAreRefusedAtStartUp() {
        var problems = new ProblemResponses(JsonMapper.builder().build());

        assertThatThrownBy(() -> new RequestSizeLimitFilter(problems,
                List.of(new BodyLimit("/big", 1), new BodyLimit("/big", 2))))
                .hasMessage("Two body limits for /big");
    }

    private int statusOf(String path, long contentLength) throws Exception {
        var request = new MockHttpServletRequest("POST", path);
        request.setContent(new byte[Math.toIntExact(contentLength)]);
        var response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        return response.getStatus();
    }
}
