package dev.parley.nlu.encoder;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps DJL, the tokenizer's native loader, from reaching out: it would report usage over the network and cache its
 * natives in the home folder, and a server must start without a network and keep its files under its own folder.
 * DJL reads both as system properties when it first loads, so they are set once, before the first encoder is built.
 */
public final class DjlStaysLocal {

    /**
     * The logger DJL logs under: its native loader warns that it found no GPU, which the encoder does not need, so
     * commands quieten it (the server does in application.yml, under {@code logging.level}).
     */
    public static final String LOGGER = "ai.djl";

    private static final AtomicBoolean APPLIED = new AtomicBoolean();

    private DjlStaysLocal() {
    }

    static void apply() {
        if (!APPLIED.compareAndSet(false, true)) {
            return;
        }
        System.setProperty("OPT_OUT_TRACKING", "true");
        // an operator's own cache folder wins
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Path.of("data", "djl").toAbsolutePath().toString());
        }
    }
}
