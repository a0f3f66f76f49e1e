package dev.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The marker keeps each marked class's context apart from every other class's, and shares it with its nested ones. */
class OwnApplicationContextTest {

    private final OwnApplicationContext.Factory factory = new OwnApplicationContext.Factory();

    @OwnApplicationContext
    static class Counting {

        @Nested
        class Inside {
        }
    }

    @OwnApplicationContext
    static class AlsoCounting {
    }

    static class Sharing {
    }

    @Test
    void twoMarkedClassesGetContextsOfTheirOwn() {
        assertThat(customizerOf(Counting.class)).isNotNull().isNotEqualTo(customizerOf(AlsoCounting.class));
    }

    @Test
    void aNestedClassSharesTheContextOfTheClassAroundIt() {
        assertThat(customizerOf(Counting.Inside.class)).isEqualTo(customizerOf(Counting.class));
    }

    @Test
    void anUnmarkedClassIsLeftAsItIs() {
        assertThat(customizerOf(Sharing.class)).isNull();
    }

    private Object customizerOf(Class<?> testClass) {
        return factory.createContextCustomizer(testClass, List.of());
    }
}
