package dev.parley.system;

import java.util.Set;

/**
 * The headers of some of our own HTML pages, which a feature declares as a bean: {@link ResponseHeaders} sends them
 * on exactly these paths, from its one filter and its one path → headers map.
 *
 * @param paths                 the request paths, exactly as sent (a path spelt otherwise gets none)
 * @param contentSecurityPolicy the page's {@code Content-Security-Policy}
 * @param referrerPolicy        its {@code Referrer-Policy}
 */
public record PageHeaders(Set<String> paths, String contentSecurityPolicy, String referrerPolicy) {

    public PageHeaders {
        paths = Set.copyOf(paths);
    }
}
