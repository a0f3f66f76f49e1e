package dev.parley.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One scrape of {@code /actuator/prometheus} as the admin (its credentials are the ones Prometheus is given), read
 * into its samples: each series as the text format writes it, e.g. {@code parley_questions_total{channel="rest"}},
 * to its value.
 */
public final class PrometheusScrape {

    /** The text format Prometheus itself asks for, version 0.0.4. */
    public static final String TEXT_FORMAT = "text/plain;version=0.0.4";

    private final Map<String, Double> samples;

    private PrometheusScrape(Map<String, Double> samples) {
        this.samples = samples;
    }

    /** Scrapes the server; anything but a 200 in the text format fails the test. */
    public static PrometheusScrape of(int port) {
        ApiClient.Response response = ApiClient.asAdmin(port).get("/actuator/prometheus");
        if (response.status() != 200 || !response.contentType().startsWith(TEXT_FORMAT)) {
            throw new AssertionError("scraping got " + response.status() + " " + response.contentType() + ": "
                    + response.body());
        }
        return parse(response.body());
    }

    /** Reads the samples of a scrape in the text format: one per line that is no comment, "series value". */
    public static PrometheusScrape parse(String text) {
        var samples = new LinkedHashMap<String, Double>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return new PrometheusScrape(samples);
    }

    /** A series' value, if the scrape has it. */
    public Optional<Double> find(String series) {
        return Optional.ofNullable(samples.get(series));
    }

    /** A series' value; a series the scrape does not have fails the test. */
    public double value(String series) {
        return find(series).orElseThrow(() -> new AssertionError("no series " + series + " in the scrape; "
                + "parley's are " + samples.keySet().stream().filter(name -> name.startsWith("parley_")).toList()));
    }
}
