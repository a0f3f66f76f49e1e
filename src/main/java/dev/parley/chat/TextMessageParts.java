package dev.parley.chat;

/**
 * Joins the parts of one text message as the container hands them over, and keeps the chat's size limit
 * ({@code parley.chat.max-frame-chars}) itself. The container then needs only a small buffer per connection instead
 * of one as large as the limit: an idle connection holds nothing here, and a message that fits in one part (nearly
 * all of them) is never copied.
 *
 * <p>Not thread-safe: the container hands one connection's messages over one at a time, in order.
 */
final class TextMessageParts {

    /** What a part makes of the message so far. */
    sealed interface Joined {
        /** The message is complete. */
        record Whole(String text) implements Joined {
        }

        /** More parts are to come. */
        record Incomplete() implements Joined {
        }

        /** The message has grown past the limit; it is dropped, with every part of it still to come. */
        record TooBig() implements Joined {
        }
    }

    private static final Joined INCOMPLETE = new Joined.Incomplete();

    private final int maxChars;
    private StringBuilder pending;
    private boolean overLimit;

    TextMessageParts(int maxChars) {
        this.maxChars = maxChars;
    }

    Joined add(String part, boolean last) {
        int length = (pending == null ? 0 : pending.length()) + part.length();
        if (overLimit || length > maxChars) {
            pending = null;
            // The rest of a message over the limit is no message of its own, whether or not the connection is
            // closed before it comes.
            overLimit = !last;
            return new Joined.TooBig();
        }
        if (last && pending == null) {
            return new Joined.Whole(part);
        }
        if (pending == null) {
            pending = new StringBuilder(length);
        }
        pending.append(part);
        if (!last) {
            return INCOMPLETE;
        }
        String whole = pending.toString();
        pending = null;
        return new Joined.Whole(whole);
    }
}
