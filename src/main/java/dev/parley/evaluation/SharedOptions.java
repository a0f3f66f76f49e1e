package dev.parley.evaluation;

import java.util.Arrays;

import dev.parley.commandline.ApplicationSettings;
import dev.parley.commandline.SettingOverrides;
import dev.parley.nlu.ClassifierKind;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every command has: setting overrides and JSON output. */
final class SharedOptions {

    @Mixin
    SettingOverrides overrides;

    /** The server's settings with the {@code --set} overrides applied. */
    ApplicationSettings settings() {
        return overrides.settings();
    }

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    /** The classifier a {@code --classifier} value names, in any case; a usage error for any other value. */
    static ClassifierKind classifier(CommandSpec spec, String name) {
        return Arrays.stream(ClassifierKind.values())
                .filter(kind -> kind.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "Unknown classifier '" + name + "'; available: maxent, encoder, hybrid"));
    }
}
