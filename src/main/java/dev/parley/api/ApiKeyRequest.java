package dev.parley.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the admin says of a key to create.
 *
 * @param name              what the key is for, e.g. the program that will use it
 * @param requestsPerMinute its quota; null takes {@code parley.api.keys.requests-per-minute}
 */
record ApiKeyRequest(
        @Schema(description = "What the key is for, e.g. the program that will use it.", example = "shop back-office",
                maxLength = ApiKeyRequest.MAX_NAME, requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        @Size(max = ApiKeyRequest.MAX_NAME)
        // Shown on the admin page and written to the log: no line breaks or escapes to forge lines with.
        @Pattern(regexp = "\\P{Cc}*", message = "must not hold control characters")
        String name,
        @Schema(description = "Asks and feedbacks per minute with this key, all of them at once at most; without it "
                + "parley.api.keys.requests-per-minute.", example = "300", minimum = "1",
                maximum = "" + ApiKeyRequest.MAX_PER_MINUTE)
        @Min(1)
        @Max(ApiKeyRequest.MAX_PER_MINUTE)
        Integer requestsPerMinute) {

    /** The longest name, as the table holds it (V5). */
    static final int MAX_NAME = 100;
    /** A million a minute: beyond it a quota limits nothing. */
    static final int MAX_PER_MINUTE = 1_000_000;
}
