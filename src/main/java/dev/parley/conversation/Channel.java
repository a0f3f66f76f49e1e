package dev.parley.conversation;

/** Where a message came from; recorded with each exchange. */
public enum Channel {
    REST, WEBSOCKET
}
