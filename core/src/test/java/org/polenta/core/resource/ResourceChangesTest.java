package org.polenta.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.resource.type.ResourceTypeState;
import org.polenta.core.resource.type.StringAttribute;
import org.polenta.core.time.Timestamps;

class ResourceChangesTest {

    private static final ResourceType TYPE = new ResourceType("host",
            List.of(new StringAttribute("name", false, 0, 255)), ResourceTypeState.ACTIVE);
    private static final long T0 = Timestamps.parse("2020-01-01T00:00:00");

    private static Resource current() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", "a");
        return new Resource(UUID.randomUUID(), "r", "host", "u:p", "u", "p", T0, null, 1, T0, null, Map.of(), attributes);
    }

    private static ResourceBody patch(String json) {
        return ResourceBodyParser.parsePatch(org.polenta.core.testing.TestJson.parse(json), TYPE);
    }

    @Test
    void sameValuesMakeNoRevision() {
        Resource r = current();
        assertThat(ResourceChanges.outcome(r, patch("{}"))).isEqualTo(ResourceChanges.Outcome.NOTHING);
        assertThat(ResourceChanges.outcome(r, patch("{\"user_id\": \"u\", \"name\": \"a\", \"started_at\": \"2020-01-01\"}")))
                .isEqualTo(ResourceChanges.Outcome.NOTHING);
    }

    @Test
    void metricsAloneChangeInPlace() {
        assertThat(ResourceChanges.outcome(current(), patch("{\"metrics\": {}}")))
                .isEqualTo(ResourceChanges.Outcome.METRICS_ONLY);
    }

    @Test
    void anyOtherDifferenceMakesARevision() {
        Resource r = current();
        assertThat(ResourceChanges.outcome(r, patch("{\"name\": \"b\", \"metrics\": {}}"))).isEqualTo(ResourceChanges.Outcome.NEW_REVISION);
        assertThat(ResourceChanges.outcome(r, patch("{\"project_id\": null}"))).isEqualTo(ResourceChanges.Outcome.NEW_REVISION);
        assertThat(ResourceChanges.outcome(r, patch("{\"ended_at\": \"2021-01-01\"}"))).isEqualTo(ResourceChanges.Outcome.NEW_REVISION);
    }

    @Test
    void applyingSetsTheFieldsAndTheRevisionStart() {
        Resource next = ResourceChanges.apply(current(), patch("{\"name\": \"b\", \"ended_at\": \"2021-01-01\"}"), T0 + 5);
        assertThat(next.attributes()).containsEntry("name", "b");
        assertThat(next.endedAt()).isEqualTo(Timestamps.parse("2021-01-01"));
        assertThat(next.revisionStart()).isEqualTo(T0 + 5);
        assertThat(next.userId()).isEqualTo("u");
    }

    @Test
    void endingBeforeTheStartIsRefusedWithTheIndexersMessage() {
        assertThatThrownBy(() -> ResourceChanges.apply(current(), patch("{\"ended_at\": \"2019-01-01\"}"), T0))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage("Value 2019-01-01 00:00:00+00:00 for attribute ended_at on resource type host is invalid");
    }
}
