package dev.parley.versions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the knowledge in service comes from, and how soon an instance sees another's publication
 * ({@code parley.versions.*}).
 *
 * @param source        {@code files}: the intent files are read at start-up, as by one instance on its own; each
 *                      reload and proposal is also recorded as a version. {@code database}: the latest version in
 *                      the database is served (the files are imported only into an empty one), proposals edit it,
 *                      and every instance follows each publication. {@code auto}: database on PostgreSQL, files
 *                      otherwise.
 * @param checkInterval how often an instance that serves from the database looks for a newer version; on PostgreSQL
 *                      a notification wakes it at once, this is what it falls back on
 */
@ConfigurationProperties("parley.versions")
public record VersionsProperties(@DefaultValue("auto") Source source, @DefaultValue("2s") Duration checkInterval) {

    public VersionsProperties {
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("parley.versions.check-interval must be positive, was " + checkInterval);
        }
    }

    /** Where the knowledge in service comes from. */
    public enum Source {
        AUTO, FILES, DATABASE
    }
}
