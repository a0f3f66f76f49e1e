package dev.parley.testing;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** The condition behind {@link Requires}. */
final class RequirementCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getElement(), Requires.class)
                .map(requires -> decide(requires.value(), System.getenv()))
                .orElse(ConditionEvaluationResult.enabled("requires nothing from outside the build"));
    }

    static ConditionEvaluationResult decide(Requirement requirement, Map<String, String> environment) {
        Optional<String> missing = requirement.missing(environment);
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled(requirement + " is there");
        }
        if (Requirement.inCi(environment)) {
            // Run, and let the test fail on what is missing: CI must never pass by skipping.
            return ConditionEvaluationResult.enabled(missing.get() + "; running anyway, as CI is set");
        }
        return ConditionEvaluationResult.disabled(missing.get() + "; skipped here, and failing in CI");
    }
}
