package dev.parley.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A key just created: the only time the key itself is shown. Parley keeps its SHA-256 only, so a key that is lost
 * cannot be shown again; revoke it and create another.
 *
 * @param id                its id, for revoking it
 * @param name              what the admin called it
 * @param key               the key, to send as {@code Authorization: Bearer KEY}
 * @param requestsPerMinute its quota
 * @param createdAt         when it was created
 */
@Schema(description = "A new API key, with the key itself: shown this once")
record NewApiKey(
        @Schema(example = "3") long id,
        @Schema(example = "shop back-office") String name,
        @Schema(example = "parley_1x2ZkVY3w8bLr2mV0Q9s5nKpE7cTgHjA4uFdW6oSyRi") String key,
        @Schema(example = "300") int requestsPerMinute,
        Instant createdAt) {
}
