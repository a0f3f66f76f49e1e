package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.parley.chat.TextMessageParts.Joined;

class TextMessagePartsTest {

    private final TextMessageParts parts = new TextMessageParts(10);

    @Test
    void aMessageInOnePartIsWhole() {
        assertThat(parts.add("{\"a\":1}", true)).isEqualTo(new Joined.Whole("{\"a\":1}"));
    }

    @Test
    void partsAreJoinedInOrderUntilTheLast() {
        assertThat(parts.add("ab", false)).isInstanceOf(Joined.Incomplete.class);
        assertThat(parts.add("cd", false)).isInstanceOf(Joined.Incomplete.class);

        assertThat(parts.add("ef", true)).isEqualTo(new Joined.Whole("abcdef"));
    }

    @Test
    void aMessageOfExactlyTheLimitIsWhole() {
        assertThat(parts.add("12345", false)).isInstanceOf(Joined.Incomplete.class);

        assertThat(parts.add("67890", true)).isEqualTo(new Joined.Whole("1234567890"));
    }

    @Test
    void oneCharacterOverTheLimitIsTooBig() {
        assertThat(parts.add("12345", false)).isInstanceOf(Joined.Incomplete.class);

        assertThat(parts.add("678901", false)).isInstanceOf(Joined.TooBig.class);
    }

    @Test
    void aSinglePartOverTheLimitIsTooBig() {
        assertThat(parts.add("12345678901", true)).isInstanceOf(Joined.TooBig.class);
    }

    @Test
    void thePartsAfterTheLimitArePartOfTheMessageTooBig() {
        parts.add("12345678901", false);

        assertThat(parts.add("{}", false)).isInstanceOf(Joined.TooBig.class);
        assertThat(parts.add("{}", true)).isInstanceOf(Joined.TooBig.class);
        assertThat(parts.add("{}", true)).as("the next message").isEqualTo(new Joined.Whole("{}"));
    }

    @Test
    void theNextMessageStartsAfresh() {
        parts.add("abc", false);
        parts.add("def", true);

        assertThat(parts.add("gh", true)).isEqualTo(new Joined.Whole("gh"));
    }
}
