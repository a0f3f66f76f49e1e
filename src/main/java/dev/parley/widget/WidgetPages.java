package dev.parley.widget;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.system.PageHeaders;

/**
 * Serves our own pages (the demo and the embed example) under a strict Content-Security-Policy (no inline script or
 * style, no eval), the same policy a careful site owner would set: the demo then proves the widget works under it.
 * {@code nosniff} and caching are decided for every response in {@code system.ResponseHeaders}, which sends these.
 */
@Configuration(proxyBeanMethods = false)
class WidgetPages {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    @Bean
    PageHeaders widgetPageHeaders() {
        return new PageHeaders(Set.of("/", "/index.html", "/embed-example.html"), POLICY,
                "strict-origin-when-cross-origin");
    }
}
