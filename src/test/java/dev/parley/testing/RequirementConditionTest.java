package dev.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** When a test that needs something from outside the build runs, is skipped with its reason, or fails (CI). */
class RequirementConditionTest {

    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/parley_test";

    @Test
    void skipsWithTheReasonWhereTheDatabaseIsNotConfigured() {
        ConditionEvaluationResult result = RequirementCondition.decide(Requirement.POSTGRES, Map.of());

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("PARLEY_TEST_POSTGRES_URL is not set: ").contains(".ci/test-postgres.sh")
                .endsWith("skipped here, and failing in CI"));
    }

    @Test
    void takesABlankUrlForNone() {
        assertThat(RequirementCondition.decide(Requirement.POSTGRES, Map.of("PARLEY_TEST_POSTGRES_URL", " "))
                .isDisabled()).isTrue();
    }

    @Test
    void runsWhereTheDatabaseIsConfigured() {
        assertThat(RequirementCondition.decide(Requirement.POSTGRES, Map.of("PARLEY_TEST_POSTGRES_URL", POSTGRES_URL))
                .isDisabled()).isFalse();
    }

    @Test
    void runsInCiWithoutTheDatabaseSoThatTheTestFails() {
        ConditionEvaluationResult result = RequirementCondition.decide(Requirement.POSTGRES, Map.of("CI", "true"));

        assertThat(result.isDisabled()).isFalse();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("PARLEY_TEST_POSTGRES_URL is not set: ").endsWith("running anyway, as CI is set"));
    }
}
