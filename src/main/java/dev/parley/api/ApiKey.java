package dev.parley.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An API key as the admin sees it: never the key itself, which is kept only as its hash and shown once, when it is
 * created ({@link NewApiKey}).
 *
 * @param id                its id, for revoking it
 * @param name              what the admin called it (the program it is for)
 * @param requestsPerMinute its quota: asks and feedbacks per minute, all of them at once at most
 * @param createdAt         when it was created
 * @param lastUsedAt        when a request last used it, to within a minute; null if never
 * @param revokedAt         when it was revoked; null while it is valid
 */
@Schema(description = "An API key, without the key itself")
record ApiKey(
        @Schema(example = "3") long id,
        @Schema(example = "shop back-office") String name,
        @Schema(example = "300") int requestsPerMinute,
        Instant createdAt,
        @Schema(nullable = true) Instant lastUsedAt,
        @Schema(nullable = true) Instant revokedAt) {

    boolean revoked() {
        return revokedAt != null;
    }
}
