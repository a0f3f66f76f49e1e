package dev.parley.conversation;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health component {@code knowledge}, part of the readiness group (application.yml): down while the first model
 * trains, so that a load balancer sends no question to an instance that would only make it wait; up once a model is
 * in service, and up through every reload, during which the model before keeps answering.
 */
final class KnowledgeHealthIndicator implements HealthIndicator {

    private final ActiveKnowledge active;

    KnowledgeHealthIndicator(ActiveKnowledge active) {
        this.active = active;
    }

    @Override
    public Health health() {
        return active.isReady() ? Health.up().build()
                : Health.down().withDetail("reason", "the first model is not in service yet").build();
    }
}
