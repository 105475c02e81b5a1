package org.polenta.service.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Says "Connection: close" on an answer given before the request's body was read to its end (a 401, 403, 404 or
 * 415 decided from the headers alone). Jetty cannot keep such a connection: the unread bytes would be taken for
 * the next request, so it closes it once the answer is out, and a client that was told nothing (HTTP/1.1 is
 * persistent by default) sends its next request into the closing socket and gets no answer at all. Saying so
 * lets the client open a new connection instead.
 */
@PreMatching
@Priority(50)
public class UnreadBodyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String TRACKER = UnreadBodyFilter.class.getName();

    @Override
    public void filter(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
        long expected = length == null ? -1 : parseLength(length);
        if (chunked || expected > 0) {
            TrackedBody body = new TrackedBody(request.getEntityStream(), expected);
            request.setEntityStream(body);
            request.setProperty(TRACKER, body);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(TRACKER) instanceof TrackedBody body && !body.fullyRead()) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    private static long parseLength(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A request body that knows whether it was read to its end: its declared length, or end of stream. */
    static final class TrackedBody extends FilterInputStream {
        private final long expected;
        private long read;
        private boolean ended;

        TrackedBody(InputStream in, long expected) {
            super(in);
            this.expected = expected;
        }

        boolean fullyRead() {
            return ended || (expected >= 0 && read >= expected);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                ended = true;
            } else {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                ended = true;
            } else {
                read += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            read += skipped;
            return skipped;
        }
    }
}
