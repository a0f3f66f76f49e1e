package dev.parley.commandline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import dev.parley.conversation.ConversationProperties;
import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.nlu.NluProperties;
import dev.parley.system.SettingsRecords;
import dev.parley.system.UnknownSettingsCheck;

/**
 * The server's own settings for commands that start no server: application.yml, then system properties and
 * environment variables, then {@code --set key=value} overrides, bound with Spring Boot's binder so the defaults and
 * names are exactly the server's. A {@code parley.*} setting the server does not have is refused, as at its start.
 */
public final class ApplicationSettings {

    private final Binder binder;

    public ApplicationSettings(Map<String, String> overrides) {
        var environment = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.yml", e);
        }
        var given = new LinkedHashMap<String, Object>();
        overrides.forEach((key, value) -> given.put(key, OriginTrackedValue.of(value, new Origin() {
            @Override
            public String toString() {
                return "--set " + key;
            }
        })));
        environment.getPropertySources().addFirst(new OriginTrackedMapPropertySource("--set", given));
        // as the server refuses to start on a setting it does not have, a command refuses to run on one
        UnknownSettingsCheck.refuseUnknown(environment);
        this.binder = new Binder(ConfigurationPropertySources.get(environment));
    }

    public KnowledgeProperties knowledge() {
        return bind(KnowledgeProperties.class);
    }

    public NluProperties nlu() {
        return bind(NluProperties.class);
    }

    public ConversationProperties conversation() {
        return bind(ConversationProperties.class);
    }

    // under the prefix the record declares, as the server binds it
    private <T> T bind(Class<T> settings) {
        return binder.bindOrCreate(SettingsRecords.prefixOf(settings), settings);
    }
}
