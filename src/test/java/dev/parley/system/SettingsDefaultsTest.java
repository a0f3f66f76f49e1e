package dev.parley.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Each setting is defined once: every settings record of Parley, bound from nothing (its {@code @DefaultValue}s) and
 * from the packaged application.yml, is the same record. A new settings record is found by the classpath scan, so it
 * is covered without touching this test. And application.yml lists every setting, and only settings.
 */
class SettingsDefaultsTest {

    static Stream<Class<?>> settingsRecords() {
        return SettingsRecords.scan().stream();
    }

    @ParameterizedTest
    @MethodSource("settingsRecords")
    void recordDefaultsAreTheValuesOfApplicationYml(Class<?> type) throws IOException {
        String prefix = SettingsRecords.prefixOf(type);
        List<PropertySource<?>> yml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));

        Object fromDefaults = new Binder(ConfigurationPropertySources.from(List.of())).bindOrCreate(prefix, type);
        Object fromYml = new Binder(ConfigurationPropertySources.from(yml)).bindOrCreate(prefix, type);

        assertThat(differences(prefix, fromDefaults, fromYml))
                .as("%s: components whose @DefaultValue differs from application.yml", type.getSimpleName())
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("settingsRecords")
    void everySettingsRecordIsARecordWithAPrefix(Class<?> type) {
        assertThat(type.isRecord()).as(type.getName()).isTrue();
        assertThat(SettingsRecords.prefixOf(type))
                .as(type.getName()).startsWith("parley.");
    }

    @Test
    void theScanFindsTheSettingsRecords() {
        assertThat(settingsRecords().map(Class::getSimpleName)).contains("NluProperties", "ChatProperties",
                "WidgetProperties", "AdminProperties", "ApiProperties");
    }

    @Test
    void applicationYmlListsEverySettingAndNoOther() throws IOException {
        var records = new TreeMap<String, Class<?>>();
        settingsRecords().forEach(type -> records.put(
                SettingsRecords.prefixOf(type), type));
        var names = new SettingNames(records);
        var yml = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        var given = new TreeSet<String>();
        ConfigurationPropertySources.from(yml).forEach(source ->
                ((IterableConfigurationPropertySource) source)
                        .stream().filter(name -> name.toString().startsWith("parley."))
                        .forEach(name -> given.add(name.toString().replaceAll("\\[\\d+]$", ""))));

        assertThat(given).as("parley.* keys of application.yml that no settings record binds")
                .allSatisfy(key -> assertThat(names.knows(
                        ConfigurationPropertyName.of(key)))
                        .as(key).isTrue());
        // A setting without a default (fitted at training unless set) cannot be given a value there; it is named in
        // full in a comment instead, so that application.yml still lists every setting there is.
        String text = new ClassPathResource("application.yml").getContentAsString(StandardCharsets.UTF_8);
        var commented = text.lines().filter(line -> line.strip().startsWith("#")).collect(Collectors.joining("\n"));
        assertThat(names.settings()).as("settings missing from application.yml, neither set nor named in a comment")
                .allSatisfy(setting -> assertThat(given.contains(setting)
                        || commented.matches("(?s).*\\b" + Pattern.quote(setting) + "\\b.*")).as(setting).isTrue());
    }

    /** "component: default X, application.yml Y" for each leaf that differs, nested records walked through. */
    private static List<String> differences(String path, Object defaults, Object yml) {
        var found = new ArrayList<String>();
        if (defaults != null && yml != null && defaults.getClass().isRecord()
                && defaults.getClass() == yml.getClass()) {
            for (RecordComponent component : defaults.getClass().getRecordComponents()) {
                found.addAll(differences(path + "." + component.getName(), read(component, defaults),
                        read(component, yml)));
            }
        } else if (!Objects.equals(defaults, yml)) {
            found.add(path + ": default " + defaults + ", application.yml " + yml);
        }
        return found;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
