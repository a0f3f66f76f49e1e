package dev.parley.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** The options every command has: setting overrides and JSON output. */
final class SharedOptions {

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a setting, e.g. --set parley.nlu.maxent.iterations=100")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;
}
