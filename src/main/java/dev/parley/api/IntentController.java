package dev.parley.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.conversation.ActiveKnowledge;
import dev.parley.knowledge.UnknownIntentException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/intents}: the FAQ content, for sites that render it as a page. Small talk is left out. */
@RestController
@RequestMapping("/api/v1/intents")
@Tag(name = "Intents", description = "The questions the bot can answer")
class IntentController {

    private final ActiveKnowledge active;

    IntentController(ActiveKnowledge active) {
        this.active = active;
    }

    @Operation(summary = "List every FAQ entry", description = "Ordered by id; small talk is not included.")
    @GetMapping
    List<IntentSummary> list() {
        return active.get().knowledge().contentIntents().stream().map(IntentSummary::of).toList();
    }

    @Operation(summary = "One FAQ entry", description = "404 problem details when no content intent has that id.")
    @GetMapping("/{id}")
    IntentSummary get(@PathVariable String id) {
        return active.get().knowledge().find(id).filter(intent -> !intent.isSmallTalk())
                .map(IntentSummary::of)
                .orElseThrow(() -> new UnknownIntentException(id));
    }
}
