package dev.parley.api;

import java.util.List;

import dev.parley.knowledge.Intent;

/**
 * One FAQ entry, as a site needs it to render a plain FAQ page.
 *
 * @param id       the intent id
 * @param question the canonical question
 * @param answer   the curated answer, markdown
 * @param tags     the intent's tags
 */
record IntentSummary(String id, String question, String answer, List<String> tags) {

    static IntentSummary of(Intent intent) {
        return new IntentSummary(intent.id(), intent.question(), intent.answer(), intent.tags());
    }
}
