package dev.parley.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.parley.ParleyApplication;
import dev.parley.testing.ApiClient;
import dev.parley.testing.RawHttp;

/** The admin area is closed without the admin's credentials; the bot's own channels stay open to everyone. */
class AdminSecurityTest {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class WithTheDefaultSettings {

        @LocalServerPort
        int port;

        @ParameterizedTest
        @ValueSource(strings = {"/admin", "/admin/", "/api/v1/admin/reload", "/api/v1/admin/anything"})
        void refusesRequestsWithoutCredentials(String path) throws Exception {
            ApiClient.Response response = send(get(path));

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Basic"));
            assertThat(response.body()).contains("\"status\":401").doesNotContain("Exception");
        }

        @Test
        void refusesAWrongPassword() throws Exception {
            assertThat(send(get("/api/v1/admin/anything").header("Authorization", basic("admin", "wrong")))
                    .status()).isEqualTo(401);
            assertThat(send(get("/api/v1/admin/anything").header("Authorization", basic("nobody", "parley")))
                    .status()).isEqualTo(401);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ADMIN", "Admin", "admin ", " admin"})
        void refusesTheUserNameInAnyOtherSpelling(String user) throws Exception {
            assertThat(send(get("/api/v1/admin/anything").header("Authorization", basic(user, "parley")))
                    .status()).isEqualTo(401);
        }

        @Test
        void letsTheAdminIn() throws Exception {
            // No admin endpoint at this path: getting past security to a 404 is the point.
            assertThat(send(get("/api/v1/admin/no-such-thing").header("Authorization", basic("admin", "parley")))
                    .status()).isEqualTo(404);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Sec-Fetch-Site | cross-site",
                "Sec-Fetch-Site | same-site",
                "Origin         | https://evil.example",
                "Origin         | null"})
        void refusesAWriteAnotherSitesPageMakesWithTheBrowsersRememberedCredentials(String header, String value)
                throws Exception {
            ApiClient.Response response = send(post("/api/v1/admin/reload").header(header, value));

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).contains("another site");
            assertThat(response.headers().firstValue("Set-Cookie")).as("no session is made for anyone").isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://localhost:PORT", "http://localhost:1", "http://127.0.0.1:PORT",
                "http://localhost:PORT/admin"})
        void refusesAWriteFromAnOriginThatDiffersInSchemeHostOrPort(String origin) {
            RawHttp.Response response = RawHttp.post("/api/v1/admin/no-such-thing", "")
                    .header("Authorization", basic("admin", "parley"))
                    .header("Origin", origin.replace("PORT", String.valueOf(port))).sendTo(port);

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).contains("another site");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "GET  | evil.example:PORT |                          | ",
                "POST | evil.example:PORT | http://evil.example:PORT | same-origin",
                "GET  | evil.example      |                          | ",
                "GET  | localhost.evil.example:PORT |                | ",
                "GET  | 10.0.0.1:PORT     |                          | "})
        void theBuiltInPasswordWorksOnlyForARequestThatNamesThisMachine(String method, String host, String origin,
                String fetchSite) {
            // The shape of DNS rebinding: a page of evil.example, its name now pointing at 127.0.0.1, calls the
            // admin API from a browser on this machine; the address is loopback, the Host is still its own.
            RawHttp request = "POST".equals(method) ? RawHttp.post("/api/v1/admin/no-such-thing", "")
                    : RawHttp.get("/api/v1/admin/no-such-thing");
            request.header("Host", host.replace("PORT", String.valueOf(port)))
                    .header("Authorization", basic("admin", "parley"));
            if (origin != null) {
                request.header("Origin", origin.replace("PORT", String.valueOf(port)));
            }
            if (fetchSite != null) {
                request.header("Sec-Fetch-Site", fetchSite);
            }

            RawHttp.Response response = request.sendTo(port);

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.json().get("detail").asString()).contains("PARLEY_ADMIN_PASSWORD");
        }

        @ParameterizedTest
        @ValueSource(strings = {"localhost:PORT", "LOCALHOST:PORT", "127.0.0.1:PORT", "127.1.2.3:PORT", "[::1]:PORT",
                "localhost"})
        void theBuiltInPasswordWorksForARequestThatNamesThisMachine(String host) {
            RawHttp.Response response = RawHttp.post("/api/v1/admin/no-such-thing", "")
                    .header("Host", host.replace("PORT", String.valueOf(port)))
                    .header("Authorization", basic("admin", "parley")).sendTo(port);

            assertThat(response.status()).isEqualTo(404);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Sec-Fetch-Site | same-origin",
                "Sec-Fetch-Site | none",
                "Origin         | http://localhost:PORT",
                "X-Nothing      | a program such as curl sends neither"})
        void letsWritesFromTheAdminPageAndFromProgramsThrough(String header, String value) throws Exception {
            // No admin endpoint at this path: getting past security to a 404 is the point.
            ApiClient.Response response = send(ApiClient.anonymous(port).request("/api/v1/admin/no-such-thing")
                    .header("Authorization", basic("admin", "parley"))
                    .header(header, value.replace("PORT", String.valueOf(port)))
                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }

        @Test
        void makesNoSessionForAnAnonymousCaller() throws Exception {
            ApiClient.Response response = send(ApiClient.anonymous(port).request("/api/v1/admin/reload")
                    .header("Authorization", basic("nobody", "nope")).header("Sec-Fetch-Site", "cross-site")
                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(send(get("/admin")).headers().firstValue("Set-Cookie")).isEmpty();
        }

        HttpRequest.Builder post(String path) {
            return ApiClient.anonymous(port).request(path).header("Authorization", basic("admin", "parley"))
                    .POST(HttpRequest.BodyPublishers.noBody());
        }

        @Test
        void leavesTheBotsChannelsOpen() throws Exception {
            ApiClient.Response ask = send(ApiClient.anonymous(port).request("/api/v1/ask")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"what does the UNHCR do?\"}")));

            assertThat(ask.status()).isEqualTo(200);
            assertThat(ask.headers().firstValue("X-Frame-Options")).as("no security headers outside the admin area")
                    .isEmpty();
            assertThat(send(get("/widget.js")).status()).isEqualTo(200);
            assertThat(send(get("/api/v1/intents")).status()).isEqualTo(200);
        }

        HttpRequest.Builder get(String path) {
            return ApiClient.anonymous(port).request(path).GET();
        }

        /** Sends exactly the headers a test sets: the anonymous client signs nothing in itself. */
        ApiClient.Response send(HttpRequest.Builder request) {
            return ApiClient.anonymous(port).send(request);
        }
    }

    @Test
    void anAdminPasswordNamingAnUnknownEncodingStopsTheStartUp() {
        var application = new SpringApplicationBuilder(ParleyApplication.class);

        assertThatThrownBy(() -> application.run("--server.port=0", "--parley.admin.password={bcrypr}$2a$10$abc",
                "--spring.datasource.url=jdbc:h2:mem:admin-typo;DB_CLOSE_DELAY=-1"))
                .hasStackTraceContaining("names no password encoding");
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles("prod")
    class InTheProductionProfileWithoutAPassword {

        @LocalServerPort
        int port;

        @Test
        void theDevelopmentPasswordDoesNotWork() throws Exception {
            var request = ApiClient.anonymous(port).request("/api/v1/admin/anything")
                    .header("Authorization", basic("admin", "parley")).GET();

            assertThat(send(request).status()).isEqualTo(401);
        }

        ApiClient.Response send(HttpRequest.Builder request) {
            return ApiClient.anonymous(port).send(request);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

}
