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
                        @Schema(example = "the version in service has changed this file since version "
                                + "41c7aa80d2e9, which the folder was taken from, and the folder has not")
                        String reason) {
}
