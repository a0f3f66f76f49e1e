package dev.parley.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;


/**
 * The PostgreSQL that the persistence tests run on, named by PARLEY_TEST_POSTGRES_URL, _USER and _PASSWORD
 * ({@code .ci/run} starts Debian's PostgreSQL and sets them). A test class that uses it is annotated
 * {@code @Requires(Requirement.POSTGRES)}: without them its tests are counted as skipped, with the reason, on a
 * developer's machine, but fail in CI, so a CI run never passes without having tested PostgreSQL.
 *
 * @param url      a JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/parley_test
 * @param user     the user
 * @param password its password
 */
public record PostgresTestDatabase(String url, String user, String password) {

    /**
     * The configured database; fails the test in CI when there is none. Elsewhere {@code @Requires} has skipped the
     * class already; a class without it is aborted here (Surefire then reports no test at all, so annotate it).
     */
    public static PostgresTestDatabase required() {
        Optional<String> missing = Requirement.POSTGRES.missing();
        if (missing.isPresent()) {
            if (Requirement.inCi(System.getenv())) {
                throw new IllegalStateException(missing.get() + "; CI must test on PostgreSQL");
            }
            Assumptions.abort(missing.get());
        }
        return new PostgresTestDatabase(System.getenv("PARLEY_TEST_POSTGRES_URL"),
                System.getenv("PARLEY_TEST_POSTGRES_USER"), System.getenv("PARLEY_TEST_POSTGRES_PASSWORD"));
    }

    /**
     * Drops and creates a schema, so each run starts from an empty database that Flyway migrates from scratch;
     * returns the URL that makes it the connection's schema. The name ends in this JVM's process id: two builds on
     * one machine (two worktrees) share the database, and would otherwise drop each other's tables mid-run.
     */
    public String freshSchema(String name) {
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
