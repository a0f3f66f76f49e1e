package dev.parley.system;

import java.util.List;
import java.util.stream.Collectors;

/** {@code parley.*} settings that nothing binds, each with where it was given and the known setting it resembles. */
class UnknownSettingException extends IllegalStateException {

    private final List<Unknown> settings;

    UnknownSettingException(List<Unknown> settings) {
        super(settings.stream().map(Unknown::toString).collect(Collectors.joining("\n",
                settings.size() + " unknown setting(s); Parley has no such setting:\n", "")));
        this.settings = List.copyOf(settings);
    }

    List<Unknown> settings() {
        return settings;
    }

    /**
     * @param name    the name as given, in Spring Boot's canonical form (an environment variable's too)
     * @param origin  where it was given (a file and line, a command-line argument, an environment variable)
     * @param closest the known setting it is closest to, or null when none is close
     * @param movedTo where a setting that was moved out of the settings lives now, or null
     */
    record Unknown(String name, String origin, String closest, String movedTo) {
        @Override
        public String toString() {
            String hint = movedTo != null ? ": it moved to " + movedTo
                    : closest == null ? "" : ": did you mean " + closest + "?";
            return "  - " + name + " (" + origin + ")" + hint;
        }
    }
}
