package dev.parley.curation;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What became of a proposal.
 *
 * @param intent  the intent the examples were proposed for
 * @param added   the examples written to its file, as written
 * @param skipped the examples left out, with the reason for each
 * @param reload  the model trained with the added examples; {@code null} when nothing was added (then nothing was
 *                written and no reload ran)
 */
@Schema(description = "The examples added to the intent, those skipped, and the reload that followed")
record ProposalResult(
        @Schema(example = "delivery-time") String intent,
        @Schema(example = "[\"when will my parcel arrive\"]") List<String> added,
        List<SkippedExample> skipped,
        @Schema(nullable = true, description = "Absent (null) when nothing was added") ReloadSummary reload) {

    /**
     * A proposed example that was not added.
     *
     * @param example the text as proposed
     * @param reason  why not, e.g. "is already an example of intent 'icc-role'"
     */
    record SkippedExample(
            @Schema(example = "How long does delivery take?") String example,
            @Schema(example = "is already the question of this intent") String reason) {
    }
}
