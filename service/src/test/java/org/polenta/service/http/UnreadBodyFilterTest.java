package org.polenta.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnreadBodyFilterTest {

    private static UnreadBodyFilter.TrackedBody body(String text, long declared) {
        return new UnreadBodyFilter.TrackedBody(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                declared);
    }

    @Test
    void aBodyIsReadWhenItsDeclaredLengthOrItsEndWasReached() throws IOException {
        UnreadBodyFilter.TrackedBody declared = body("{\"a\": 1}", 8);
        assertThat(declared.fullyRead()).isFalse();
        declared.read(new byte[4], 0, 4);
        assertThat(declared.fullyRead()).isFalse();
        declared.read(new byte[4], 0, 4);
        assertThat(declared.fullyRead()).isTrue();

        UnreadBodyFilter.TrackedBody chunked = body("xy", -1);
        chunked.read();
        chunked.read();
        assertThat(chunked.fullyRead()).isFalse(); // the end is not known until it is read
        assertThat(chunked.read()).isEqualTo(-1);
        assertThat(chunked.fullyRead()).isTrue();
    }
}
