package dev.parley.chat;

/** The error codes of the chat protocol; after any of them the connection stays open. */
enum ChatError {
    MALFORMED_JSON("malformed-json"),
    UNKNOWN_TYPE("unknown-type"),
    BLANK_TEXT("blank-text"),
    TEXT_TOO_LONG("text-too-long"),
    MALFORMED_TEXT("malformed-text"),
    BAD_ID("bad-id"),
    BAD_INTENT("bad-intent"),
    BAD_FEEDBACK("bad-feedback"),
    UNKNOWN_ANSWER("unknown-answer"),
    RATE_LIMITED("rate-limited"),
    BUSY("busy"),
    BINARY_NOT_SUPPORTED("binary-not-supported"),
    INTERNAL("internal-error");

    private final String code;

    ChatError(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
