package dev.parley.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows unknown settings at start-up as a plain list, each with a suggestion where one is close. */
class UnknownSettingFailureAnalyzer extends AbstractFailureAnalyzer<UnknownSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnknownSettingException cause) {
        return new FailureAnalysis(cause.getMessage(), "Correct or remove the settings listed above (the README's "
                + "Configuration section and application.yml list every setting), then start again.", cause);
    }
}
