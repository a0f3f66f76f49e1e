package dev.parley.conversation;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.training.KnowledgeTrainer;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The trainer and the conversation service; the model in service is prepared by {@code versions}, from the intent
 * files or the latest knowledge version.
 */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    /** The one way a model is made for service: at start-up here, and at every reload (curation). */
    @Bean
    KnowledgeTrainer knowledgeTrainer(KnowledgeProperties knowledge, NluProperties nlu) {
        return new KnowledgeTrainer(knowledge, nlu);
    }

    /** The meters of the model in service; told of each one by {@link ActiveKnowledge} (README "Operations"). */
    @Bean
    KnowledgeMetrics knowledgeMetrics(MeterRegistry registry) {
        return new KnowledgeMetrics(registry);
    }

    /** Readiness (README "Operations"): down until the first model is in service. */
    @Bean
    KnowledgeHealthIndicator knowledgeHealthIndicator(ActiveKnowledge activeKnowledge) {
        return new KnowledgeHealthIndicator(activeKnowledge);
    }

    @Bean
    ConversationService conversationService(ActiveKnowledge activeKnowledge, ExchangeLog exchangeLog,
            ConversationProperties settings, MeterRegistry registry) {
        return new ConversationService(activeKnowledge, exchangeLog, settings, Clock.systemUTC(),
                new ConversationMetrics(registry));
    }
}
