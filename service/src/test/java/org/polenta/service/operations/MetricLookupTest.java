package org.polenta.service.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetricLookupTest {

    @Test
    void parsesTheSpellingsPythonAccepts() {
        UUID id = UUID.fromString("cee6ef1f-52cc-4a16-bbb5-648aedfd1c37");
        assertThat(MetricLookup.parseUuid("cee6ef1f-52cc-4a16-bbb5-648aedfd1c37")).isEqualTo(id);
        assertThat(MetricLookup.parseUuid("CEE6EF1F52CC4A16BBB5648AEDFD1C37")).isEqualTo(id);
        assertThat(MetricLookup.parseUuid("{cee6ef1f-52cc-4a16-bbb5-648aedfd1c37}")).isEqualTo(id);
        assertThat(MetricLookup.parseUuid("urn:uuid:cee6ef1f-52cc-4a16-bbb5-648aedfd1c37")).isEqualTo(id);
    }

    @Test
    void refusesTheRest() {
        assertThat(MetricLookup.parseUuid("foobar")).isNull();
        assertThat(MetricLookup.parseUuid("fake")).isNull();
        assertThat(MetricLookup.parseUuid("cee6ef1f-52cc-4a16-bbb5-648aedfd1c3")).isNull();
        assertThat(MetricLookup.parseUuid(null)).isNull();
    }
}
