package dev.parley.versions;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.conversation.ActiveKnowledge;
import dev.parley.conversation.KnowledgeMetrics;
import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.nlu.training.KnowledgeTrainer;

/**
 * The model in service, prepared at start-up from the knowledge's source (the intent files or the latest version in
 * the database) beside the creation of the other beans and awaited before the server opens its port, so a bad
 * intent file still stops the application; and, when the database is the source, the watcher that follows the
 * versions other instances publish.
 */
@Configuration(proxyBeanMethods = false)
class VersionsConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    VersionStore versionStore(JdbcClient database, DataSource dataSource) {
        return new VersionStore(database, dataSource);
    }

    @Bean
    KnowledgePublisher knowledgePublisher(VersionStore store, KnowledgeTrainer trainer, KnowledgeProperties knowledge,
                                          VersionsProperties settings, PlatformTransactionManager transactions,
                                          KnowledgeMetrics metrics) {
        boolean fromDatabase = switch (settings.source()) {
            case DATABASE -> true;
            case FILES -> false;
            case AUTO -> store.postgres();
        };
        return new KnowledgePublisher(store, trainer, knowledge, fromDatabase, new TransactionTemplate(transactions),
                Clock.systemUTC(), metrics::inService);
    }

    @Bean
    ActiveKnowledge activeKnowledge(KnowledgePublisher publisher) {
        return publisher.active();
    }

    @Bean
    SmartInitializingSingleton initialTrainingFinished(ActiveKnowledge activeKnowledge) {
        return activeKnowledge::get;
    }

    @Bean
    VersionWatcher versionWatcher(KnowledgePublisher publisher, VersionStore store, DataSource dataSource,
                                  VersionsProperties settings) {
        return new VersionWatcher(publisher, dataSource, store.postgres(), settings.checkInterval(),
                publisher.fromDatabase());
    }

    @Bean
    KnowledgeInfo knowledgeInfo(ActiveKnowledge activeKnowledge) {
        return new KnowledgeInfo(activeKnowledge);
    }
}
