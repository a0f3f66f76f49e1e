package dev.parley.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 written by hand over a socket, for what java.net.http will not send: any {@code Host} header, a request
 * from a chosen local address (127.0.0.2 is a second client on the same machine, on Linux), and, with
 * {@link #sendBytes}, requests no client would send as they are (a raw backslash, a negative Content-Length, a header
 * of 100 KB).
 */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String method;
    private final String target;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body = "";
    private String localAddress;

    private RawHttp(String method, String target) {
        this.method = method;
        this.target = target;
    }

    public static RawHttp get(String target) {
        return new RawHttp("GET", target);
    }

    public static RawHttp post(String target, String json) {
        var request = new RawHttp("POST", target);
        request.body = json;
        return request.header("Content-Type", "application/json");
    }

    /** A WebSocket opening handshake for the chat; the answer's status is 101 when the server accepts it. */
    public static RawHttp webSocketHandshake(String target) {
        return get(target).header("Upgrade", "websocket").header("Connection", "Upgrade")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").header("Sec-WebSocket-Version", "13");
    }

    public RawHttp header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Connects from this local address instead of the default one. */
    public RawHttp from(String address) {
        this.localAddress = address;
        return this;
    }

    /** Whether this machine lets a client connect from the given loopback address (Linux: all of 127.0.0.0/8). */
    public static boolean canConnectFrom(String address) {
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            return true;
        } catch (BindException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the request to the server on 127.0.0.1 and reads the whole answer. */
    public Response sendTo(int port) {
        headers.putIfAbsent("Host", "localhost:" + port);
        headers.putIfAbsent("Connection", "close");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var text = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        if (!body.isEmpty()) {
            text.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        text.append("\r\n");
        try (var socket = new Socket()) {
            socket.setSoTimeout(30_000);
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.getOutputStream().write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends exactly these bytes (ISO-8859-1 text: one char, one byte) to the server on 127.0.0.1 and reads the answer. */
    public static Response sendBytes(int port, String request) {
        try (var socket = new Socket()) {
            socket.setSoTimeout(20_000);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything we meant to send.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed inside the response head: " + head);
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        if (status == 101) {
            return new Response(status, headers, ""); // the connection is a WebSocket now; nothing more to read
        }
        // The body ends where its length says, so a connection the server keeps open is not waited out.
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(in);
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            line(in); // the CRLF after the chunk
        }
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed inside a chunked body");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * What came back.
     *
     * @param headers by lower-case name
     */
    public record Response(int status, Map<String, String> headers, String body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
