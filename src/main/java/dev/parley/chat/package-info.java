/** Chat over WebSocket: plain JSON text frames at {@code /ws/chat}, protocol in docs/protocol.md. */
package dev.parley.chat;
