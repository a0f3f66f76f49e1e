package dev.parley.versions;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One time a version was put in service.
 *
 * @param id          rising with each publication; the latest is in service
 * @param version     the content hash of its knowledge files
 * @param publishedAt when it was published
 * @param basedOn     the version in service when it was published; null for the first
 * @param publishedBy what published it
 * @param intents     how many intents it has
 */
@Schema(description = "A knowledge version put in service")
record Publication(
        @Schema(example = "12") long id,
        @Schema(example = "9f2c5d0e7a41b3c8d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3") String version,
        @Schema(example = "2026-12-02T18:40:11.204Z") Instant publishedAt,
        @Schema(nullable = true) String basedOn,
        PublishedBy publishedBy,
        @Schema(example = "43") int intents) {
}
