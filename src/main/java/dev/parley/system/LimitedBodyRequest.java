package dev.parley.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body fails to read past {@code limit} bytes, counted as they are read, so the limit holds for a
 * chunked body, which declares no length. Every read after the limit fails too, so a reader that swallows the first
 * failure cannot read on. Spring's {@code ContentCachingRequestWrapper} has an overflow hook, but it keeps a copy of
 * every body and stops counting after the first overflow.
 */
final class LimitedBodyRequest extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream body;
    private BufferedReader reader;

    LimitedBodyRequest(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            body = new CountingInputStream(super.getInputStream(), limit);
        }
        return body;
    }

    // The container's own reader would read past the counted stream.
    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    private static final class CountingInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        CountingInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            refusePastTheLimit();
            int b = in.read();
            counted(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            refusePastTheLimit();
            // Never more than one byte past the limit, so the failure comes before the memory is spent.
            int read = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            counted(read);
            return read;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private void counted(int read) throws RequestBodyTooLargeException {
            if (read > 0) {
                count += read;
            }
            refusePastTheLimit();
        }

        private void refusePastTheLimit() throws RequestBodyTooLargeException {
            if (count > limit) {
                throw new RequestBodyTooLargeException(limit);
            }
        }
    }
}
