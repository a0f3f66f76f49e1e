package dev.parley.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.util.WebUtils;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.parley.widget.WidgetProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Which pages may chat: the server's own, and those on {@code parley.widget.allowed-origins}. One judgement for the
 * handshake and for the widget's question whether its page may chat ({@link ChatAccessController}), so that the
 * widget can tell a visitor "not available on this page" rather than retry a refused handshake for ever.
 *
 * <p>A refused origin is logged at WARN, with the setting that admits it: the setting replaces the localhost
 * defaults, and a site owner who set it without their own page sees only a silent widget otherwise. Each origin is
 * named at most once an hour; and since any page can send any origin, at most {@link #MAX_ORIGINS_LOGGED} are named
 * an hour, then one line says that more came. A flood of forged origins silences the log for an hour at most, not for
 * good: the owner's own page is named again once it has passed.
 */
@Component
class ChatOrigins {

    static final int MAX_ORIGINS_LOGGED = 100;
    private static final Duration LOG_WINDOW = Duration.ofHours(1);
    private static final int MAX_ORIGIN_CHARS = 200;
    private static final Logger log = LoggerFactory.getLogger(ChatOrigins.class);

    private final List<String> patterns;
    private final CorsConfiguration allowed = new CorsConfiguration();
    private final Cache<String, Boolean> logged = Caffeine.newBuilder().maximumSize(10 * MAX_ORIGINS_LOGGED)
            .expireAfterWrite(LOG_WINDOW).build();
    private final Bucket lines = Bucket.builder().addLimit(Bandwidth.builder().capacity(MAX_ORIGINS_LOGGED)
            .refillIntervally(MAX_ORIGINS_LOGGED, LOG_WINDOW).build()).build();
    private final AtomicBoolean saidMoreCame = new AtomicBoolean();

    ChatOrigins(WidgetProperties widget) {
        this.patterns = List.copyOf(widget.allowedOrigins());
        allowed.setAllowedOriginPatterns(patterns);
    }

    List<String> patterns() {
        return patterns;
    }

    /** Whether the page that sent this request may chat; a request without an Origin is no page and may. */
    boolean allows(ServerHttpRequest request) {
        String origin = request.getHeaders().getOrigin();
        return origin == null || WebUtils.isSameOrigin(request) || allowed.checkOrigin(origin) != null;
    }

    /** Logs a refused handshake, unless its origin was named within the hour or too many were. */
    void refused(ServerHttpRequest request) {
        String origin = printable(request.getHeaders().getOrigin());
        if (logged.getIfPresent(origin) != null) {
            return;
        }
        if (lines.tryConsume(1)) {
            logged.put(origin, Boolean.TRUE);
            saidMoreCame.set(false);
            log.warn("Refused a chat connection from a page on {}: that origin is not in "
                    + "parley.widget.allowed-origins (PARLEY_WIDGET_ALLOWEDORIGINS), which is {}. Add it there to "
                    + "let that page chat; the setting replaces the localhost defaults. Logged once an hour per "
                    + "origin.", origin, patterns);
        } else if (saidMoreCame.compareAndSet(false, true)) {
            log.warn("Refused chat connections from more than {} origins not in parley.widget.allowed-origins "
                    + "within an hour; further refused origins are not logged until it has passed.",
                    MAX_ORIGINS_LOGGED);
        }
    }

    /** The origin as it may stand in a log line: no control characters (forged line breaks), bounded length. */
    private static String printable(String origin) {
        String shown = origin.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + (shown.length() > MAX_ORIGIN_CHARS ? shown.substring(0, MAX_ORIGIN_CHARS) + "…" : shown) + "'";
    }
}
