package org.polenta.service.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polenta.core.errors.StructuredInvalidInputException;

/** The failures must read as Gnocchi's (the gabbits match reason and detail). */
class VoluptuousTest {

    private static void assertInvalid(Runnable r, String reason, List<String> detail) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(StructuredInvalidInputException.class, e -> {
            assertThat(e.description()).containsEntry("cause", "Invalid input").containsEntry("reason", reason)
                    .containsEntry("detail", detail);
        });
    }

    @Test
    void extraKeysComeFirstInBodyOrder() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("whaa", "foobar");
        assertInvalid(() -> BodySchemas.archivePolicyRuleCreate(body), "extra keys not allowed @ data['whaa']",
                List.of("whaa"));
    }

    @Test
    void missingRequiredKeysAreNamed() {
        assertInvalid(() -> BodySchemas.archivePolicyRuleRename(Map.of()), "required key not provided @ data['name']",
                List.of("name"));
        assertInvalid(() -> BodySchemas.archivePolicyRuleCreate(Map.of("name", "r", "metric_pattern", "*")),
                "required key not provided @ data['archive_policy_name']", List.of("archive_policy_name"));
    }

    @Test
    void valueFailuresUnderAKeySayForDictionaryValue() {
        assertInvalid(() -> BodySchemas.metricCreate(Map.of("unit", "over_length_unit_over_length_unit")),
                "length of value must be at most 31 for dictionary value @ data['unit']", List.of("unit"));
        assertInvalid(() -> BodySchemas.metricCreate(Map.of("name", 12)),
                "expected str for dictionary value @ data['name']", List.of("name"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertInvalid(() -> BodySchemas.metricCreate(List.of()), "expected a dictionary", List.of());
    }

    @Test
    void unitLengthCountsCharactersNotBytes() {
        assertThat(BodySchemas.metricCreate(Map.of("unit", "°".repeat(31)))).containsKey("unit");
    }
}
