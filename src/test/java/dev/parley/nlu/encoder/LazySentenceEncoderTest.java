package dev.parley.nlu.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;

class LazySentenceEncoderTest {

    @Test
    void theServersEncoderIsOnlyFetchedWhenFirstUsed() {
        var fetched = new ArrayList<String>();
        var lazy = new LazySentenceEncoder(() -> {
            fetched.add("fetched");
            return sentence -> new float[] {1};
        });
        assertThat(fetched).isEmpty();

        lazy.embed("icc");

        assertThat(fetched).containsExactly("fetched");
    }
}
