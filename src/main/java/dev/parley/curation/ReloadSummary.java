package dev.parley.curation;

import java.time.Instant;
import java.util.List;

import dev.parley.conversation.ActiveKnowledge;
import dev.parley.knowledge.Intent;
import dev.parley.nlu.TrainedKnowledge;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a reload put in service.
 *
 * @param intents       intents in the new model, small talk included
 * @param examples      their examples, all together (canonical questions not counted)
 * @param trainedMillis how long reading, validating and training took
 * @param loadedAt      when the new model finished training
 * @param version       the knowledge version now in service (a content hash)
 */
@Schema(description = "The model a reload put in service")
record ReloadSummary(
        @Schema(example = "43") int intents,
        @Schema(example = "702") int examples,
        @Schema(example = "930") long trainedMillis,
        @Schema(example = "2026-11-22T20:15:03.412Z") Instant loadedAt,
        @Schema(example = "9f2c5d0e7a41b3c8d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3") String version) {

    static ReloadSummary of(ActiveKnowledge.InService published) {
        TrainedKnowledge trained = published.trained();
        int examples = trained.knowledge().intents().stream().map(Intent::examples).mapToInt(List::size).sum();
        return new ReloadSummary(trained.knowledge().size(), examples, trained.trainingTime().toMillis(),
                trained.trainedAt(), published.version().version());
    }
}
