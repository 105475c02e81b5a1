package org.polenta.service.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.polenta.service.errors.ApiException;

class QueryValuesTest {

    @Test
    void acceptsPythonStyleBooleans() {
        assertThat(QueryValues.bool("refresh", "True", false)).isTrue();
        assertThat(QueryValues.bool("refresh", "yes", false)).isTrue();
        assertThat(QueryValues.bool("refresh", "False", true)).isFalse();
        assertThat(QueryValues.bool("refresh", "0", true)).isFalse();
        assertThat(QueryValues.bool("refresh", null, true)).isTrue();
    }

    @Test
    void refusesOtherWordsWithGnocchisMessage() {
        assertThatThrownBy(() -> QueryValues.bool("details", "maybe", true))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.description()).isEqualTo("Unable to parse `details': invalid truth value 'maybe'");
                });
    }
}
