package dev.parley.knowledge;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows invalid intent files at start-up as a plain list of problems instead of a stack trace. */
class InvalidKnowledgeFailureAnalyzer extends AbstractFailureAnalyzer<InvalidKnowledgeException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidKnowledgeException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the intent files listed above (the README documents the format), then start again.", cause);
    }
}
