package dev.parley.system;

import org.springframework.stereotype.Component;

/**
 * How many asks and feedbacks one client address may send ({@code parley.api.rate-limit}), over every channel
 * together: the REST API and each of the address's chat connections draw on the same bucket. Each message costs a
 * classification and a stored row, so a client holding many chat connections must not get many times the
 * allowance of one that asks over REST. With PostgreSQL the allowance is one across all instances
 * ({@link BucketStores}).
 */
@Component
public class QuestionAllowance {

    private final ClientBuckets buckets;

    QuestionAllowance(ApiProperties settings, BucketStores stores) {
        this.buckets = ClientBuckets.perMinute(stores, "api", settings.rateLimit().burst(),
                settings.rateLimit().perMinute());
    }

    /** Whether the allowance counts anything (0 in either setting turns it off). */
    public boolean enabled() {
        return buckets.enabled();
    }

    /** Takes one message from the allowance of the client with this {@link ClientAddress#limitKey()}. */
    public ClientBuckets.Take take(String clientKey) {
        return buckets.take(clientKey);
    }
}
