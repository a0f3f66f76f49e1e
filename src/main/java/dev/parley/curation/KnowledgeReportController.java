package dev.parley.curation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.admin.AdminApi;
import dev.parley.admin.AdminApiDocumentation;
import dev.parley.conversation.ActiveKnowledge;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/admin/knowledge}: the knowledge base in service and the intents that need more examples. Too few
 * is a warning here and in {@code evaluate}, never a refusal: an intent of one question loads and is answered.
 */
@RestController
@Tag(name = AdminApiDocumentation.KNOWLEDGE_TAG)
@AdminApi
class KnowledgeReportController {

    private final ActiveKnowledge active;

    KnowledgeReportController(ActiveKnowledge active) {
        this.active = active;
    }

    @Operation(summary = "The knowledge base in service, and its sparsely phrased intents",
            description = "How many intents the model in service was trained on (small talk included; after a reload "
                    + "or an accepted proposal, the new model's), the recommended number of phrasings per intent "
                    + "(its question and examples together), and every intent with fewer, fewest first, with its "
                    + "question and count: add examples to its file, or accept unanswered questions as its "
                    + "examples. `sparselyPhrased` is empty when every intent has enough.")
    @ApiResponse(responseCode = "200", description = "The knowledge base in service")
    @GetMapping(path = "/api/v1/admin/knowledge", produces = MediaType.APPLICATION_JSON_VALUE)
    KnowledgeReport knowledge() {
        // As every endpoint that reads the knowledge: the port opens only once the first model is trained, and get()
        // would wait for it in any case, so there is no state without a model to answer for.
        return KnowledgeReport.of(active.get().knowledge());
    }
}
