package dev.parley.conversation;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.training.KnowledgeTrainer;

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

    @Bean
    ConversationService conversationService(ActiveKnowledge activeKnowledge, ExchangeLog exchangeLog,
            ConversationProperties settings) {
        return new ConversationService(activeKnowledge, exchangeLog, settings, Clock.systemUTC());
    }
}
