package dev.parley.widget;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the widget may be embedded ({@code parley.widget.*}).
 *
 * @param allowedOrigins origin patterns of the pages that may chat, e.g. {@code https://www.example.org} or
 *                       {@code https://*.example.org}; the server's own origin is always allowed
 */
@ConfigurationProperties("parley.widget")
public record WidgetProperties(@DefaultValue({"http://localhost:[*]", "http://127.0.0.1:[*]"}) List<String> allowedOrigins) {
}
