package dev.parley.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a {@code parley.*} setting is given that no settings record binds: a typo or a removed
 * setting would otherwise be ignored in silence, and the server run on a default its operator meant to change. Every
 * source counts (application.yml and other config files, command-line arguments, system properties, environment
 * variables such as {@code PARLEY_CHAT_RATELIMIT_BURST}). Runs before any bean is created, so before training.
 */
@Component
public final class UnknownSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final ConfigurationPropertyName PARLEY = ConfigurationPropertyName.of("parley");
    // PARLEY_TEST_POSTGRES_URL and its kin name the test suite's database (.ci/test-postgres.sh); the server reads none.
    private static final ConfigurationPropertyName TEST_ENVIRONMENT = ConfigurationPropertyName.of("parley.test");

    /** Settings that moved out of the settings, and where they live now. */
    private static final Map<String, String> MOVED = Map.of("parley.conversation.welcome-text",
            "the bot file beside the intents, intents/_bot.yaml, as texts.welcome (README, \"The bot file\")");

    // Set by the container (a bean factory post-processor is created before constructor injection is available).
    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        refuseUnknown(environment, settingsRecords(beanFactory));
    }

    /**
     * The same check for a command that starts no server ({@code evaluate}, {@code benchmark}): every settings record
     * the server would register ({@code @ConfigurationPropertiesScan} from the application's package) counts.
     *
     * @throws IllegalStateException naming each unknown setting, where it was given and the one it resembles
     */
    public static void refuseUnknown(Environment environment) {
        var records = new LinkedHashMap<String, Class<?>>();
        for (Class<?> type : SettingsRecords.scan()) {
            String prefix = SettingsRecords.prefixOf(type);
            if (PARLEY.isAncestorOf(ConfigurationPropertyName.of(prefix))) {
                records.put(prefix, type);
            }
        }
        refuseUnknown(environment, records);
    }

    private static void refuseUnknown(Environment environment, Map<String, Class<?>> records) {
        var names = new SettingNames(records);
        var unknown = new ArrayList<UnknownSettingException.Unknown>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream().filter(PARLEY::isAncestorOf).filter(name -> !TEST_ENVIRONMENT.isAncestorOf(name))
                        .filter(name -> !names.knows(name))
                        .forEach(name -> unknown.add(MOVED.containsKey(name.toString())
                                ? new UnknownSettingException.Unknown(name.toString(), origin(source, name), null,
                                        MOVED.get(name.toString()))
                                : new UnknownSettingException.Unknown(name.toString(), origin(source, name),
                                        names.closestTo(name).orElse(null), null)));
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownSettingException(unknown);
        }
    }

    private static Map<String, Class<?>> settingsRecords(ConfigurableListableBeanFactory beanFactory) {
        var records = new LinkedHashMap<String, Class<?>>();
        for (String bean : beanFactory.getBeanDefinitionNames()) {
            // false: a factory bean is not created just to learn what it makes
            Class<?> type = beanFactory.getType(bean, false);
            ConfigurationProperties settings = type == null ? null
                    : AnnotationUtils.findAnnotation(type, ConfigurationProperties.class);
            if (settings != null && PARLEY.isAncestorOf(ConfigurationPropertyName.of(settings.prefix()))) {
                records.put(settings.prefix(), type);
            }
        }
        return records;
    }

    private static String origin(ConfigurationPropertySource source, ConfigurationPropertyName name) {
        ConfigurationProperty property = source.getConfigurationProperty(name);
        return property == null || property.getOrigin() == null ? String.valueOf(source.getUnderlyingSource())
                : property.getOrigin().toString();
    }
}
