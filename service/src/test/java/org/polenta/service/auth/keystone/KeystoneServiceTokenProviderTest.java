package org.polenta.service.auth.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class KeystoneServiceTokenProviderTest {

    private final FakeTime time = new FakeTime(Instant.parse("2030-01-01T00:00:00Z"));
    private int issued;
    private boolean keystoneDown;
    private Duration lifetime = Duration.ofHours(1);

    private final Supplier<IssuedToken> issuer = () -> {
        if (keystoneDown) {
            throw new KeystoneUnavailableException("down");
        }
        issued++;
        return new IssuedToken("svc-" + issued, time.instant(), time.instant().plus(lifetime));
    };

    private final ServiceTokenProvider provider = new ServiceTokenProvider(issuer, time, Duration.ofMinutes(2));

    @Test
    void oneTokenServesUntilTheRenewalWindow() {
        assertThat(provider.token()).isEqualTo("svc-1");
        time.advance(Duration.ofMinutes(57).plusSeconds(59));
        assertThat(provider.token()).isEqualTo("svc-1");
        time.advance(Duration.ofSeconds(1));
        assertThat(provider.token()).isEqualTo("svc-2");
        assertThat(issued).isEqualTo(2);
    }

    @Test
    void aShortLivedTokenIsRenewedHalfWayNotOnEveryCall() {
        lifetime = Duration.ofSeconds(60);
        assertThat(provider.token()).isEqualTo("svc-1");
        time.advance(Duration.ofSeconds(29));
        assertThat(provider.token()).isEqualTo("svc-1");
        time.advance(Duration.ofSeconds(1));
        assertThat(provider.token()).isEqualTo("svc-2");
        assertThat(provider.token()).isEqualTo("svc-2");
    }

    @Test
    void aRejectedTokenIsReplacedAtOnce() {
        assertThat(provider.token()).isEqualTo("svc-1");
        provider.rejected("svc-1");
        assertThat(provider.token()).isEqualTo("svc-2");
        // A late rejection of the old token does not throw away the new one.
        provider.rejected("svc-1");
        assertThat(provider.token()).isEqualTo("svc-2");
    }

    @Test
    void aFailedEarlyRenewalKeepsTheCurrentTokenUntilItExpires() {
        provider.token();
        keystoneDown = true;
        time.advance(Duration.ofMinutes(59));
        assertThat(provider.token()).isEqualTo("svc-1");
        time.advance(Duration.ofMinutes(1));
        assertThatThrownBy(provider::token).isInstanceOf(KeystoneUnavailableException.class);
        keystoneDown = false;
        assertThat(provider.token()).isEqualTo("svc-2");
    }
}
