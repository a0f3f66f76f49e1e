package dev.parley.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * Which knowledge version is in service: the one public way to read it (the info endpoint, the admin page, a
 * metric), carried by {@link ActiveKnowledge} together with the model trained on it, so the two never disagree.
 *
 * @param version     the content hash of the knowledge files (64 hexadecimal digits)
 * @param publishedAt when it was put in service, as the database recorded it
 * @param intents     how many intents it has, small talk included
 * @param publication the number of the publication that put it in service, rising with each; 0 for a model that
 *                    no publication put in service (a test's own)
 */
public record ServedVersion(String version, Instant publishedAt, int intents, long publication) {

    public ServedVersion {
        Objects.requireNonNull(version, "version must not be null");
        Objects.requireNonNull(publishedAt, "publishedAt must not be null");
    }
}
