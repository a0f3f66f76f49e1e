package dev.parley.history;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL that the persistence tests run on, named by PARLEY_TEST_POSTGRES_URL, _USER and _PASSWORD
 * ({@code .ci/run} starts Debian's PostgreSQL and sets them). Without them the tests are skipped on a developer's
 * machine but fail in CI, so a CI run never passes without having tested PostgreSQL.
 *
 * @param url      a JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/parley_test
 * @param user     the user
 * @param password its password
 */
record PostgresTestDatabase(String url, String user, String password) {

    /** The configured database; aborts the test class locally, and fails it in CI, when there is none. */
    static PostgresTestDatabase required() {
        String url = System.getenv("PARLEY_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            String missing = "PARLEY_TEST_POSTGRES_URL (with _USER and _PASSWORD) is not set";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(missing + "; CI must test on PostgreSQL (.ci/test-postgres.sh)");
            }
            Assumptions.abort(missing + "; skipping the PostgreSQL tests");
        }
        return new PostgresTestDatabase(url, System.getenv("PARLEY_TEST_POSTGRES_USER"),
                System.getenv("PARLEY_TEST_POSTGRES_PASSWORD"));
    }

    /**
     * Drops and creates a schema, so each run starts from an empty database that Flyway migrates from scratch;
     * returns the URL that makes it the connection's schema. The name ends in this JVM's process id: two builds on
     * one machine (two worktrees) share the database, and would otherwise drop each other's tables mid-run.
     */
    String freshSchema(String name) {
        String schema = name + "_" + ProcessHandle.current().pid();
        try (var connection = DriverManager.getConnection(url, user, password);
             var statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare schema " + schema + " on " + url, e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
