package org.polenta.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenRequiredFilterTest {

    @Test
    void everythingUnderV1AndNothingElseNeedsAToken() {
        for (String path : new String[] {"v1", "/v1", "v1/", "v1/capabilities", "/v1/metric/x/measures"}) {
            assertThat(TokenRequiredFilter.isUnderV1(path)).as(path).isTrue();
        }
        for (String path : new String[] {"", "/", "healthcheck", "v10", "v1x/metric", "admin/v1"}) {
            assertThat(TokenRequiredFilter.isUnderV1(path)).as(path).isFalse();
        }
    }
}
