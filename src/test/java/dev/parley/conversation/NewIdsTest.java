package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class NewIdsTest {

    @Test
    void idsAreVersion7UuidsThatSortInTheOrderTheyWereMade() throws InterruptedException {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(NewIds.answerId());
            Thread.sleep(2); // another millisecond: the timestamp, not chance, orders them
            made.add(NewIds.sessionId());
            Thread.sleep(2);
        }

        assertThat(made).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
        assertThat(made).isSorted();
        assertThat(made).allSatisfy(id -> assertThat(ConversationService.isSessionId(id)).isTrue());
    }

    @Test
    void idsMadeInOneMillisecondShareNoCountThatWouldLetOneBeGuessedFromAnother() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            made.add(UUID.fromString(NewIds.answerId()));
        }

        assertThat(new HashSet<>(made)).hasSize(made.size());
        // The monotonic variant of version 7 adds one to the last id within a millisecond; these differ in their
        // random bits by far more than a count would.
        long neighbours = 0;
        for (int i = 1; i < made.size(); i++) {
            long step = made.get(i).getLeastSignificantBits() - made.get(i - 1).getLeastSignificantBits();
            if (Math.abs(step) < 1_000_000) {
                neighbours++;
            }
        }
        assertThat(neighbours).isZero();
    }
}
