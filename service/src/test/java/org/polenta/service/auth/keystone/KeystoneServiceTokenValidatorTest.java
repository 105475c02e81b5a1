package org.polenta.service.auth.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeystoneServiceTokenValidatorTest {

    private final FakeTime time = new FakeTime(Instant.parse("2030-01-01T00:00:00Z"));
    private int issued;
    private final ServiceTokenProvider serviceTokens = new ServiceTokenProvider(
            () -> new IssuedToken("svc-" + ++issued, time.instant(), time.instant().plus(Duration.ofHours(1))),
            time, Duration.ofMinutes(2));
    private final List<String> serviceTokensSent = new ArrayList<>();

    @Test
    void aRejectedServiceTokenIsRenewedAndTheValidationAskedOnceMore() {
        ServiceTokenValidator validator = new ServiceTokenValidator((service, user) -> {
            serviceTokensSent.add(service);
            if (service.equals("svc-1")) {
                throw new ServiceTokenRejectedException("401");
            }
            return new TokenValidation.Invalid("404");
        }, serviceTokens);
        assertThat(validator.validate("u")).isInstanceOf(TokenValidation.Invalid.class);
        assertThat(serviceTokensSent).containsExactly("svc-1", "svc-2");
        validator.validate("u");
        assertThat(serviceTokensSent).containsExactly("svc-1", "svc-2", "svc-2");
    }

    @Test
    void aFreshServiceTokenRejectedTooMeansKeystoneIsUnusableNotThatTheUserIsUnauthorized() {
        ServiceTokenValidator validator = new ServiceTokenValidator((service, user) -> {
            serviceTokensSent.add(service);
            throw new ServiceTokenRejectedException("401");
        }, serviceTokens);
        assertThatThrownBy(() -> validator.validate("u")).isInstanceOf(KeystoneUnavailableException.class);
        assertThat(serviceTokensSent).containsExactly("svc-1", "svc-2");
    }
}
