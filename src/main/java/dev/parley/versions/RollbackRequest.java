package dev.parley.versions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/**
 * Which version to put in service again.
 *
 * @param version the version to roll back to
 * @param base    the version the caller saw in service, if it names one: when another is in service by now, nothing
 *                is published (409)
 */
record RollbackRequest(
        @Schema(description = "The knowledge version to put in service again.",
                requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank String version,
        @Schema(description = "The version the caller saw in service (optional).", nullable = true) String base) {
}
