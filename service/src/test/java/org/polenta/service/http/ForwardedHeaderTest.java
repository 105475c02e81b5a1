package org.polenta.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForwardedHeaderTest {

    @Test
    void usesTheFirstProxyEntry() {
        PublicUrls.ForwardedHeader h = PublicUrls.ForwardedHeader.firstHop(
                "for=192.0.2.60;proto=https;host=\"example.org:8443\", for=198.51.100.1;host=other");
        assertThat(h.proto()).isEqualTo("https");
        assertThat(h.host()).isEqualTo("example.org:8443");
    }

    @Test
    void keysAreCaseInsensitiveAndMissingOnesStayNull() {
        PublicUrls.ForwardedHeader h = PublicUrls.ForwardedHeader.firstHop("For=192.0.2.60;Host=foobar");
        assertThat(h.proto()).isNull();
        assertThat(h.host()).isEqualTo("foobar");
    }
}
