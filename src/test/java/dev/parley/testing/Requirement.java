package dev.parley.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Something a test needs from outside the build: a PostgreSQL, Debian's Chromium, a public data set. Where it is
 * missing the test is skipped on a developer's machine, with the reason, and fails in CI ({@link Requires}).
 */
public enum Requirement {

    /** The PostgreSQL that {@code .ci/test-postgres.sh} starts and names in PARLEY_TEST_POSTGRES_URL, _USER, _PASSWORD. */
    POSTGRES {
        @Override
        Optional<String> missing(Map<String, String> environment) {
            String url = environment.get("PARLEY_TEST_POSTGRES_URL");
            return url == null || url.isBlank()
                    ? Optional.of("PARLEY_TEST_POSTGRES_URL is not set: the PostgreSQL tests need a database "
                            + "(as root, 'source .ci/test-postgres.sh' starts one and sets it, with _USER and _PASSWORD)")
                    : Optional.empty();
        }
    },

    /** Debian's headless Chromium and its chromedriver, which the browser tests drive; never downloaded. */
    CHROMIUM {
        @Override
        Optional<String> missing(Map<String, String> environment) {
            return Files.isExecutable(CHROMIUM_BINARY) && Files.isExecutable(CHROMEDRIVER_BINARY)
                    ? Optional.empty()
                    : Optional.of(CHROMIUM_BINARY + " or " + CHROMEDRIVER_BINARY + " is not installed: the browser "
                            + "tests need Debian's chromium and chromium-driver packages (.ci/run installs them)");
        }
    },

    /** Debian's nginx, the reverse proxy in front of several instances in the tests that run them; never downloaded. */
    NGINX {
        @Override
        Optional<String> missing(Map<String, String> environment) {
            return Files.isExecutable(NGINX_BINARY)
                    ? Optional.empty()
                    : Optional.of(NGINX_BINARY + " is not installed: the tests of several instances behind a proxy "
                            + "need Debian's nginx package (.ci/run installs it)");
        }
    },

    /** CLINC150 (Larson et al. 2019), one of the public data sets kept beside the repository, never in it. */
    CLINC150 {
        @Override
        Optional<String> missing(Map<String, String> environment) {
            return Files.isRegularFile(CLINC150_FOLDER.resolve("fewshot/train_10.tsv"))
                    ? Optional.empty()
                    : Optional.of(CLINC150_FOLDER + " is missing: the public data set tests need CLINC150 beside the "
                            + "repository");
        }
    };

    public static final Path CHROMIUM_BINARY = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER_BINARY = Path.of("/usr/bin/chromedriver");
    public static final Path NGINX_BINARY = Path.of("/usr/sbin/nginx");
    public static final Path CLINC150_FOLDER = Path.of("..", "shared", "datasets", "clinc150");

    /** Why this requirement is not met in {@code environment}, or empty when it is. */
    abstract Optional<String> missing(Map<String, String> environment);

    /** Why this requirement is not met in this process's environment, or empty when it is. */
    public Optional<String> missing() {
        return missing(System.getenv());
    }

    /** Whether the build runs in CI, where nothing may be skipped. */
    public static boolean inCi(Map<String, String> environment) {
        return environment.get("CI") != null;
    }
}
