package org.polenta.storage.cassandra.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributeDefinitionCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "2147483647", "2147483648", "-9223372036854775808", "99999999999999999999",
        "0.5", "-1.0E300", "64.0"})
    void numberBoundsKeepTheirJsonKind(String literal) {
        Number bound = literal.contains(".") || literal.contains("E") ? Double.valueOf(literal) : jacksonInteger(literal);
        Number back = AttributeDefinitionCodec.bound(AttributeDefinitionCodec.bound(bound));
        assertThat(back).isEqualTo(bound).isInstanceOf(bound.getClass());
    }

    @ParameterizedTest
    @ValueSource(strings = {""})
    void absentBoundsStayAbsent(String ignored) {
        assertThat(AttributeDefinitionCodec.bound((Number) null)).isNull();
        assertThat(AttributeDefinitionCodec.bound((String) null)).isNull();
    }

    /** What Jackson's untyped binding produces for a JSON integer. */
    private static Number jacksonInteger(String literal) {
        BigInteger value = new BigInteger(literal);
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        return value.bitLength() < 64 ? (Number) value.longValue() : value;
    }
}
