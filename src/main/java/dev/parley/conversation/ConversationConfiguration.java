package dev.parley.conversation;

import java.time.Clock;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.training.KnowledgeTrainer;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Loads the intents and trains the classifier at start-up. Training runs beside the creation of the other beans and
 * is awaited before the server opens its port, so a bad intent file still stops the application.
 */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    /** The one way a model is made for service: at start-up here, and at every reload (curation). */
    @Bean
    KnowledgeTrainer knowledgeTrainer(KnowledgeProperties knowledge, NluProperties nlu) {
        return new KnowledgeTrainer(knowledge, nlu);
    }

    @Bean
    ActiveKnowledge activeKnowledge(KnowledgeTrainer trainer, MeterRegistry registry) {
        return ActiveKnowledge.trainingInBackground(trainer::train, new KnowledgeMetrics(registry)::inService);
    }

    /** Readiness (README "Operations"): down until the first model is in service. */
    @Bean
    KnowledgeHealthIndicator knowledgeHealthIndicator(ActiveKnowledge activeKnowledge) {
        return new KnowledgeHealthIndicator(activeKnowledge);
    }

    @Bean
    SmartInitializingSingleton initialTrainingFinished(ActiveKnowledge activeKnowledge) {
        return activeKnowledge::get;
    }

    @Bean
    ConversationService conversationService(ActiveKnowledge activeKnowledge, ExchangeLog exchangeLog,
            ConversationProperties settings, MeterRegistry registry) {
        return new ConversationService(activeKnowledge, exchangeLog, settings, Clock.systemUTC(),
                new ConversationMetrics(registry));
    }
}
