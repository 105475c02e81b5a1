package org.polenta.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.polenta.service.config.CorsConfig;

/** The defaults are Gnocchi's: oslo.middleware's CORS options with gnocchi.opts.set_defaults' allow_headers. */
class CorsConfigTest {

    @Test
    void defaultsAreGnocchis() {
        CorsConfig c = new CorsConfig();
        assertThat(c.getAllowedOrigins()).isEmpty();
        assertThat(c.getAllowHeaders()).containsExactly("Authorization", "X-Auth-Token", "X-Subject-Token",
                "X-User-Id", "X-Domain-Id", "X-Project-Id", "X-Roles");
        assertThat(c.getExposeHeaders()).isEmpty();
        assertThat(c.getAllowMethods()).containsExactly("OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE",
                "PATCH");
        assertThat(c.isAllowCredentials()).isTrue();
        assertThat(c.getMaxAgeSeconds()).isEqualTo(3600);
    }
}
