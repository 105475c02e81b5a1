package org.polenta.service.auth.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeystoneConfigTest {

    private static KeystoneConfig at(String url) {
        KeystoneConfig c = new KeystoneConfig();
        c.setUrl(url);
        return c;
    }

    @Test
    void theApiIsV3UnderTheUrl() {
        assertThat(at("http://ks:5000/v3").apiBase()).isEqualTo("http://ks:5000/v3");
        assertThat(at("http://ks:5000/v3/").apiBase()).isEqualTo("http://ks:5000/v3");
        assertThat(at("http://ks:5000").apiBase()).isEqualTo("http://ks:5000/v3");
        assertThat(at("http://ks/identity/").apiBase()).isEqualTo("http://ks/identity/v3");
    }

    @Test
    void the401PointsAtTheConfiguredUrlUnlessToldOtherwise() {
        KeystoneConfig c = at("http://ks:5000/v3");
        assertThat(new KeystoneRejections(c.authenticateUri()).challenge()).isEqualTo("Keystone uri=\"http://ks:5000/v3\"");
        c.setWwwAuthenticateUri("https://public.example/identity");
        assertThat(c.authenticateUri()).isEqualTo("https://public.example/identity");
    }
}
