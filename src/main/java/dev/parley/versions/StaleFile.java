package dev.parley.versions;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A file of the intent folders that a reload would publish over a change made since it was taken.
 *
 * @param file   its name, {@code intents/NAME} or {@code seeds/NAME}
 * @param reason what publishing it would undo
 */
@Schema(description = "A file whose publication would undo a change in service")
public record StaleFile(@Schema(example = "intents/returns.yaml") String file,
                        @Schema(example = "this file lacks 1 line(s) that an accepted proposal added in the version "
                                + "in service, e.g. '- where is my parcel'") String reason) {
}
