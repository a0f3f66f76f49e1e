package dev.parley.conversation;

/** Where a message came from: the REST API or the WebSocket chat. */
public enum Channel {
    REST, WEBSOCKET
}
