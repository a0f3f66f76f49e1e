package dev.parley.conversation;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.TrainedKnowledge;

/**
 * Loads the intents and trains the classifier at start-up. Training runs beside the creation of the other beans and
 * is awaited before the server opens its port, so a bad intent file still stops the application.
 */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConversationConfiguration.class);

    @Bean
    ActiveKnowledge activeKnowledge(KnowledgeProperties knowledge, NluProperties nlu) {
        return ActiveKnowledge.trainingInBackground(() -> {
            long started = System.nanoTime();
            TrainedKnowledge trained = TrainedKnowledge.train(knowledge, nlu);
            log.info("Loaded {} intents from {} and trained the classifier in {} ms", trained.knowledge().size(),
                    knowledge.intentsDir().toAbsolutePath().normalize(), (System.nanoTime() - started) / 1_000_000);
            return trained;
        });
    }

    @Bean
    SmartInitializingSingleton initialTrainingFinished(ActiveKnowledge activeKnowledge) {
        return activeKnowledge::get;
    }

    @Bean
    ConversationService conversationService(ActiveKnowledge activeKnowledge, ExchangeLog exchangeLog,
            ConversationProperties settings) {
        return new ConversationService(activeKnowledge, exchangeLog, settings, Clock.systemUTC());
    }
}
