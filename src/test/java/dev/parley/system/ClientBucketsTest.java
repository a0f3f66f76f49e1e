package dev.parley.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A bucket per client: each its own, refused with the wait until the next token, or no limit at all. */
class ClientBucketsTest {

    private static final BucketStores LOCAL = new LocalBucketStores();

    @Test
    void aClientThatSpentItsCapacityIsRefusedWithTheWaitForTheNextToken() {
        var buckets = ClientBuckets.perMinute(LOCAL, "test", 2, 1);

        assertThat(buckets.take("a").taken()).isTrue();
        assertThat(buckets.take("a").remaining()).isZero();
        ClientBuckets.Take refused = buckets.take("a");

        assertThat(refused.taken()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(buckets.waitFor("a")).hasValueSatisfying(wait -> assertThat(wait).isPositive());
        assertThat(buckets.take("b").taken()).as("another client").isTrue();
        assertThat(buckets.waitFor("c")).as("a client never seen").isEmpty();
    }

    @Test
    void aWindowGivesItsWholeCapacityBackOnlyWhenItEnds() {
        var buckets = ClientBuckets.perWindow(LOCAL, "test", 1, Duration.ofMinutes(5));

        assertThat(buckets.take("a").taken()).isTrue();

        assertThat(buckets.waitFor("a")).hasValueSatisfying(wait -> assertThat(wait)
                .isGreaterThan(Duration.ofMinutes(4)).isLessThanOrEqualTo(Duration.ofMinutes(5)));
    }

    @Test
    void zeroTurnsTheLimitOff() {
        for (ClientBuckets off : new ClientBuckets[] {ClientBuckets.perMinute(LOCAL, "t", 0, 60),
                ClientBuckets.perMinute(LOCAL, "t", 20, 0), ClientBuckets.perWindow(LOCAL, "t", 0, Duration.ofMinutes(5)),
                ClientBuckets.off()}) {
            assertThat(off.enabled()).isFalse();
            for (int i = 0; i < 1_000; i++) {
                assertThat(off.take("a").taken()).isTrue();
            }
            assertThat(off.waitFor("a")).isEmpty();
        }
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
        assertThat(TooManyRequests.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(TooManyRequests.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
        assertThat(TooManyRequests.retryAfterSeconds(Duration.ofMillis(59_001))).isEqualTo(60);
        assertThat(TooManyRequests.retryAfterSeconds(Duration.ofSeconds(300))).isEqualTo(300);
    }
}
