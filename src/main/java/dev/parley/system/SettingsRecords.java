package dev.parley.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import dev.parley.ParleyApplication;

/**
 * Parley's settings records and the prefix each binds under: the one classpath scan that finds them, as the
 * server's {@code @ConfigurationPropertiesScan} does from the application's package, and the one place a record's
 * prefix is read from its {@code @ConfigurationProperties}, so that no setting's name is spelt twice.
 */
public final class SettingsRecords {

    private SettingsRecords() {
    }

    /** Every class of the application's package annotated {@code @ConfigurationProperties}. */
    static List<Class<?>> scan() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        return scanner.findCandidateComponents(ParleyApplication.class.getPackageName()).stream()
                .<Class<?>>map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(),
                        SettingsRecords.class.getClassLoader()))
                .toList();
    }

    /**
     * The prefix a settings record binds under, as its {@code @ConfigurationProperties} declares it.
     *
     * @throws IllegalArgumentException if the type is not annotated {@code @ConfigurationProperties}
     */
    public static String prefixOf(Class<?> type) {
        ConfigurationProperties settings = AnnotationUtils.findAnnotation(type, ConfigurationProperties.class);
        if (settings == null) {
            throw new IllegalArgumentException(type.getName() + " is not a settings record");
        }
        return settings.prefix();
    }
}
