package dev.parley.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.testing.ApiClient;
import tools.jackson.databind.json.JsonMapper;

/** The headers of real answers: nosniff everywhere, nothing stored that users sent, the intents listing revalidated. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResponseHeadersTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/widget.js", "/widget/parley-widget.js", "/", "/api/v1/intents", "/api/v1/nothing-here",
            "/nothing-here.js"})
    void everyResponseForbidsSniffing(String path) throws Exception {
        var response = send(get(path));

        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
    }

    @Test
    void everyModuleOfTheWidgetAndTheAdminPageIsServedAsScriptToAnyPage() throws Exception {
        // Every file, so that a module added later is covered without being listed here; the admin page imports
        // the DOM helper from the widget's folder.
        List<String> modules = new ArrayList<>();
        for (String folder : List.of("widget", "admin")) {
            try (var files = Files.list(Path.of(getClass().getResource("/static/" + folder).toURI()))) {
                files.map(file -> "/" + folder + "/" + file.getFileName()).filter(path -> path.endsWith(".js"))
                        .forEach(modules::add);
            }
        }
        assertThat(modules).contains("/widget/dom.js", "/widget/frames.js", "/admin/admin.js");

        for (String path : modules) {
            boolean widget = path.startsWith("/widget/");
            var request = get(path).header("Origin", "https://www.example.org");
            if (!widget) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:parley".getBytes(StandardCharsets.UTF_8)));
            }
            var response = send(request);

            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            if (widget) {
                // Browsers fetch the modules of a page on another site with CORS.
                assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
            }
        }
    }

    @Test
    void anAnswerAndItsFeedbackAreNeverStored() throws Exception {
        var ask = send(post("/api/v1/ask", "{\"question\":\"who can refer cases to the ICC?\"}"));
        String answerId = JsonMapper.builder().build().readTree(ask.body()).get("answerId").asString();
        var feedback = send(post("/api/v1/answers/" + answerId + "/feedback", "{\"helpful\":true}"));

        assertThat(ask.status()).isEqualTo(200);
        assertThat(ask.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(ask.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(feedback.status()).isEqualTo(204);
        assertThat(feedback.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(feedback.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aRefusedQuestionIsNotStoredEither() throws Exception {
        var refused = send(post("/api/v1/ask", "{\"question\":\"  \"}"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void adminRepliesAreNeverStored() throws Exception {
        String credentials = Base64.getEncoder().encodeToString("admin:parley".getBytes(StandardCharsets.UTF_8));
        var report = send(get("/api/v1/admin/unanswered").header("Authorization", "Basic " + credentials));

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.headers().allValues("Cache-Control")).singleElement().asString().contains("no-store");
        assertThat(report.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    /** Regression: the listing's path is kept (no-cache), and so was its 404 for an unknown intent. */
    @Test
    void anUnknownIntentIsAnErrorAndNotKept() throws Exception {
        var unknown = send(get("/api/v1/intents/no-such-intent"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(unknown.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void theIntentsListingIsRevalidatedWithItsEtag() throws Exception {
        var first = send(get("/api/v1/intents"));
        String etag = first.headers().firstValue("ETag").orElseThrow();

        var again = send(get("/api/v1/intents").header("If-None-Match", etag));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(send(get("/api/v1/intents").header("If-None-Match", "\"something-else\"")).status())
                .isEqualTo(200);
    }

    private static final String DEMO_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'self'";
    private static final String ADMIN_POLICY = DEMO_POLICY.replace("frame-ancestors 'self'", "frame-ancestors 'none'");

    /** Our own pages carry their policies, header for header; nothing else carries one. */
    @ParameterizedTest(name = "GET {0}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "/|200|demo|strict-origin-when-cross-origin", "/index.html|200|demo|strict-origin-when-cross-origin",
            "/embed-example.html|200|demo|strict-origin-when-cross-origin", "/admin|200|admin|same-origin",
            "/admin/|200|admin|same-origin", "/admin/index.html|200|admin|same-origin", "/widget.js|200|none|none",
            "/admin/admin.js|200|none|none", "/api/v1/intents|200|none|none", "//index.html|400|none|none"})
    void ourPagesCarryTheirContentSecurityAndReferrerPolicies(String path, int status, String policy,
                                                              String referrer) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("admin:parley".getBytes(StandardCharsets.UTF_8));
        var page = send(get(path).header("Authorization", "Basic " + credentials));

        // The status first: a page that is not served carries no policy, and would pass for a file without one.
        assertThat(page.status()).as(path).isEqualTo(status);

        assertThat(page.headers().allValues("Content-Security-Policy")).as(path).isEqualTo(policy == null ? List.of()
                : List.of(policy.equals("demo") ? DEMO_POLICY : ADMIN_POLICY));
        assertThat(page.headers().allValues("Referrer-Policy")).as(path)
                .isEqualTo(referrer == null ? List.of() : List.of(referrer));
    }

    /** The admin chain refuses before the page's policy is set, as it always did. */
    @Test
    void theAdminPageRefusedWithoutCredentialsCarriesNoPagePolicy() throws Exception {
        var refused = send(get("/admin"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().allValues("Content-Security-Policy")).isEmpty();
        assertThat(refused.headers().allValues("Referrer-Policy")).isEmpty();
    }

    private HttpRequest.Builder get(String path) {
        return ApiClient.anonymous(port).request(path).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return ApiClient.anonymous(port).request(path)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private ApiClient.Response send(HttpRequest.Builder request) {
        return ApiClient.anonymous(port).send(request);
    }
}
