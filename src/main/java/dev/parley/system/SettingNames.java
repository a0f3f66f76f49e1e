package dev.parley.system;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;

/**
 * The names that Parley's settings records bind, derived from their components (nested records walked through, a
 * list's or map's entries below its name), to tell a real setting from a mistyped or removed one. Names compare in
 * Spring Boot's uniform form, so {@code rate-limit}, {@code rateLimit} and an environment variable's
 * {@code RATELIMIT} are one name.
 */
final class SettingNames {

    private static final LevenshteinDistance CLOSE = new LevenshteinDistance(3);

    /** Uniform form → the name as documented (dashed). */
    private final Map<String, String> leaves = new TreeMap<>();
    /** Uniform forms of names under which anything binds (a map's keys, a type that is not a record). */
    private final Set<String> open = new TreeSet<>();
    private final Set<String> parents = new TreeSet<>();

    /** @param recordsByPrefix each settings record by the prefix of its {@code @ConfigurationProperties} */
    SettingNames(Map<String, Class<?>> recordsByPrefix) {
        recordsByPrefix.forEach((prefix, type) -> collect(prefix, type));
    }

    private void collect(String name, Class<?> type) {
        String uniform = uniform(ConfigurationPropertyName.of(name));
        if (!type.isRecord()) {
            open.add(uniform);
            return;
        }
        parents.add(uniform);
        for (RecordComponent component : type.getRecordComponents()) {
            String child = name + "." + DataObjectPropertyName.toDashedForm(component.getName());
            Class<?> childType = component.getType();
            if (childType.isRecord()) {
                collect(child, childType);
            } else if (Map.class.isAssignableFrom(childType)) {
                open.add(uniform(ConfigurationPropertyName.of(child)));
            } else {
                leaves.put(uniform(ConfigurationPropertyName.of(child)), child);
            }
        }
    }

    /** Whether a settings record binds this name (or the list entry it names). */
    boolean knows(ConfigurationPropertyName name) {
        String uniform = uniform(name);
        return leaves.containsKey(uniform) || parents.contains(uniform)
                || open.stream().anyMatch(prefix -> uniform.equals(prefix) || uniform.startsWith(prefix + "."));
    }

    /** The known setting a few typed characters away from this name, if there is one. */
    Optional<String> closestTo(ConfigurationPropertyName name) {
        String uniform = uniform(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (var known : leaves.entrySet()) {
            int distance = CLOSE.apply(uniform, known.getKey());
            if (distance >= 0 && distance < bestDistance) {
                best = known.getValue();
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every setting a value can be given to, as documented (dashed), sorted. */
    Set<String> settings() {
        return new TreeSet<>(leaves.values());
    }

    // Up to the first index: "allowed-origins[0]" (or ALLOWEDORIGINS_0 in the environment) is an entry of the list.
    private static String uniform(ConfigurationPropertyName name) {
        var elements = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements() && !name.isNumericIndex(i); i++) {
            elements.append(i == 0 ? "" : ".").append(name.getElement(i, Form.UNIFORM));
        }
        return elements.toString();
    }
}
