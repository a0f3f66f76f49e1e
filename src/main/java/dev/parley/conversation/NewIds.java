package dev.parley.conversation;

import java.security.SecureRandom;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;

/**
 * The ids the server hands out for answers and new sessions: UUIDs of version 7, a millisecond timestamp followed
 * by 74 bits from {@link SecureRandom}, drawn afresh for each id. Made one after the other, they sort in time, so
 * the database's indexes on answer and session ids take each new exchange at their end instead of on a random page
 * of their own, and a commit writes a few pages rather than one for each exchange (docs/benchmarks.md). The random
 * bits are what no one can guess: an answer id takes feedback and a session id continues a conversation, so
 * neither may be derived from another (the monotonic variant of version 7 counts up within a millisecond, and is
 * not used for that reason).
 */
final class NewIds {

    private static final NoArgGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator(new SecureRandom());

    private NewIds() {
    }

    static String answerId() {
        return GENERATOR.generate().toString();
    }

    static String sessionId() {
        return GENERATOR.generate().toString();
    }
}
