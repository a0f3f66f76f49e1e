package dev.parley.chat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client over a plain socket, for frames no WebSocket library sends: a text frame whose bytes are not
 * valid UTF-8.
 */
final class RawChatSocket implements AutoCloseable {

    private static final int CLOSE = 0x8;

    private final Socket socket = new Socket();
    private final DataInputStream in;

    RawChatSocket(int port) {
        try {
            socket.connect(new InetSocketAddress("localhost", port), 5_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET " + ChatConfiguration.PATH + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            in = new DataInputStream(socket.getInputStream());
            String head = readHead();
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IllegalStateException("handshake refused: " + head);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one masked text frame holding exactly {@code payload}. */
    void sendText(byte[] payload) throws IOException {
        var frame = new ByteArrayOutputStream();
        frame.write(0x81);
        frame.write(0x80 | payload.length); // short frames only: enough for a test
        byte[] mask = {1, 2, 3, 4};
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        socket.getOutputStream().write(frame.toByteArray());
    }

    /** Reads frames until a close frame comes and returns its status code. */
    int awaitCloseCode() throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0F;
            byte[] payload = readPayload();
            if (opcode == CLOSE) {
                return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
            }
        }
    }

    /** The next frame's payload as text (server frames are not masked). */
    String nextText() throws IOException {
        in.readUnsignedByte();
        return new String(readPayload(), StandardCharsets.UTF_8);
    }

    private byte[] readPayload() throws IOException {
        long length = in.readUnsignedByte() & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return payload;
    }

    private String readHead() throws IOException {
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
