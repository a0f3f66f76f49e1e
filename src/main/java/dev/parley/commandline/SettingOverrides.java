package dev.parley.commandline;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** {@code --set KEY=VALUE}: a command's overrides of the server's settings, as a picocli mixin. */
public final class SettingOverrides {

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a setting, e.g. --set parley.nlu.classifier=maxent")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** The server's settings with these overrides applied; an unknown {@code parley.*} key is refused. */
    public ApplicationSettings settings() {
        return new ApplicationSettings(overrides);
    }
}
