package dev.parley.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request whose body goes out with {@code Transfer-Encoding: chunked} over a plain socket, so it declares no
 * length, streamed from an {@link InputStream} (which may generate megabytes it never holds) while the response is
 * read at the same time: a server that answers early is seen to do so, and how much of the body had gone out by
 * then is known.
 */
public final class ChunkedPost {

    private static final int CHUNK = 64 * 1024;
    private static final int HANG_GUARD_MILLIS = 60_000;

    private ChunkedPost() {
    }

    /** What came back, and how many body bytes had been sent when its first byte arrived. */
    public record Response(int status, Map<String, String> headers, String body, long bodyBytesSentBeforeAnswer,
                           boolean wholeBodySent) {

        /** A header's value by its name in any case, or "" when it is absent. */
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /** Sends {@code method path} to localhost:{@code port} with {@code headers} and the chunked {@code body}. */
    public static Response send(int port, String method, String path, Map<String, String> headers, InputStream body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(HANG_GUARD_MILLIS);
            OutputStream out = socket.getOutputStream();
            var head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Transfer-Encoding: chunked\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            var sent = new AtomicLong();
            var writer = new FutureTask<>(() -> writeChunks(body, out, sent));
            var writing = new Thread(writer, "chunked-body");
            writing.setDaemon(true);
            writing.start();

            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            long sentBeforeAnswer = sent.get();
            var responseHeaders = new LinkedHashMap<String, String>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                responseHeaders.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).strip());
            }
            String responseBody = new String(body(in, responseHeaders), StandardCharsets.UTF_8);
            // The socket stays open until the writer is done: the server, not this client, must be what stops the
            // body (a server that read on would take all of it, and the writer would say so).
            boolean wholeBodySent = writer.get(HANG_GUARD_MILLIS, TimeUnit.MILLISECONDS);
            return new Response(Integer.parseInt(statusLine.split(" ")[1]), responseHeaders, responseBody,
                    sentBeforeAnswer, wholeBodySent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON body {@code prefix + "x" * n + suffix} of exactly {@code totalBytes}, generated as it is read. */
    public static InputStream padded(String prefix, long totalBytes, String suffix) {
        byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] end = suffix.getBytes(StandardCharsets.UTF_8);
        long padding = totalBytes - start.length - end.length;
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= totalBytes) {
                    return -1;
                }
                long at = position++;
                if (at < start.length) {
                    return start[(int) at];
                }
                return at < start.length + padding ? 'x' : end[(int) (at - start.length - padding)];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                int count = 0;
                for (int b; count < length && (b = read()) >= 0; count++) {
                    buffer[offset + count] = (byte) b;
                }
                return count == 0 && length > 0 ? -1 : count;
            }
        };
    }

    // False when the server stopped taking the body (closed the connection) before it was all sent.
    private static boolean writeChunks(InputStream body, OutputStream out, AtomicLong sent) {
        var buffer = new byte[CHUNK];
        try {
            for (int read; (read = body.readNBytes(buffer, 0, CHUNK)) > 0; ) {
                out.write((Integer.toHexString(read) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(buffer, 0, read);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                sent.addAndGet(read);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if (headers.containsKey("content-length")) {
            return in.readNBytes(Integer.parseInt(headers.get("content-length")));
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            var body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            return body.toByteArray();
        }
        return in.readAllBytes();
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed in the middle of the response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
