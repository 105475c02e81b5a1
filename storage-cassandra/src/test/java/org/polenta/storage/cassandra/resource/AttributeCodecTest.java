package org.polenta.storage.cassandra.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AttributeCodecTest {

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
            Arbitraries.create(UUID::randomUUID).map(u -> (Object) u),
            Arbitraries.doubles().filter(d -> d != 0.0 || 1 / d > 0).map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.just(null));
    }

    @Property
    void everyValueComesBackEqualAndOfItsType(@ForAll("values") Object value) {
        assertThat(AttributeCodec.decode(AttributeCodec.encode(value))).isEqualTo(value);
    }

    @Property
    void equalValuesOfOneKindHaveOneTextAndDifferentOnesDiffer(@ForAll("values") Object a, @ForAll("values") Object b) {
        // The index answers equality on the stored text, so text equality must be value equality.
        assertThat(AttributeCodec.encode(a).equals(AttributeCodec.encode(b))).isEqualTo(java.util.Objects.equals(a, b));
    }

    @Test
    void kindsThatLookAlikeStayApart() {
        assertThat(AttributeCodec.encode("true")).isNotEqualTo(AttributeCodec.encode(true));
        assertThat(AttributeCodec.encode("")).isNotEqualTo(AttributeCodec.encode(null));
        assertThat(AttributeCodec.encode(1.0)).isNotEqualTo(AttributeCodec.encode(1L));
        assertThat(AttributeCodec.encode(-0.0)).isEqualTo(AttributeCodec.encode(0.0));
    }

    @Test
    void mapsKeepNullValuesAndComeBackByName() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("zone", null);
        attributes.put("host", "h1");
        Map<String, Object> decoded = AttributeCodec.decodeAll(AttributeCodec.encodeAll(attributes));
        assertThat(decoded).isEqualTo(attributes);
        assertThat(decoded.keySet()).containsExactly("host", "zone");
    }

    @Test
    void unknownTypesAreRefused() {
        assertThatThrownBy(() -> AttributeCodec.encode(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttributeCodec.decode("x:1")).isInstanceOf(IllegalStateException.class);
    }
}
