package dev.parley.curation;

import java.util.List;

import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the knowledge base in service holds, and where it is thin.
 *
 * @param intents              intents in service, small talk included
 * @param recommendedPhrasings the fewest phrasings (question and examples) an intent is recognised reliably with,
 *                             {@link Intent#RECOMMENDED_PHRASINGS}
 * @param sparselyPhrased      the intents with fewer, fewest first (then by id); empty when there are none
 */
@Schema(description = "The knowledge base in service: its size, and the intents with fewer phrasings than recommended")
record KnowledgeReport(
        @Schema(example = "43") int intents,
        @Schema(example = "5") int recommendedPhrasings,
        List<SparseIntent> sparselyPhrased) {

    static KnowledgeReport of(KnowledgeBase knowledge) {
        return new KnowledgeReport(knowledge.size(), Intent.RECOMMENDED_PHRASINGS,
                knowledge.sparselyPhrased().stream().map(SparseIntent::of).toList());
    }

    /**
     * An intent with fewer phrasings than recommended.
     *
     * @param id        the intent's id, the name of its file
     * @param question  its canonical question
     * @param phrasings its question and examples, counted together (1 when it has no examples)
     */
    record SparseIntent(
            @Schema(example = "delivery-time") String id,
            @Schema(example = "How long does delivery take?") String question,
            @Schema(example = "1") int phrasings) {

        static SparseIntent of(Intent intent) {
            return new SparseIntent(intent.id(), intent.question(), intent.phrasings());
        }
    }
}
