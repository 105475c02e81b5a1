package org.polenta.core.resource.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.testing.TestJson;

class ResourceTypeParserTest {

    static Stream<Arguments> cases() {
        return TestJson.lines(ResourceTypeParserTest.class, "resource-type-create.tsv").stream()
                .map(line -> line.split("\t"))
                .map(columns -> Arguments.of(columns[0], columns[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void createsOrRefusesAsGnocchiDoes(String body, String expectedJson) {
        Map<String, Object> expected = (Map<String, Object>) TestJson.parse(expectedJson);
        Throwable thrown = catchThrowable(() -> {
            ResourceType type = ResourceTypeParser.parse(TestJson.parse(body));
            assertThat(type.toJson()).isEqualTo(intsForBools((Map<String, Object>) expected.get("type")));
        });
        if (expected.containsKey("type")) {
            assertThat(thrown).isNull();
        } else if (expected.containsKey("invalid")) {
            Map<String, Object> invalid = (Map<String, Object>) expected.get("invalid");
            assertThat(thrown).isInstanceOf(StructuredInvalidInputException.class);
            StructuredInvalidInputException schemaError = (StructuredInvalidInputException) thrown;
            assertThat(schemaError.cause()).isEqualTo("Invalid input");
            assertThat(schemaError.reason()).isEqualTo(invalid.get("reason"));
            assertThat(schemaError.detail()).isEqualTo(invalid.get("detail"));
        } else if (expected.containsKey("error")) {
            assertThat(thrown).isExactlyInstanceOf(InvalidInputException.class).hasMessage((String) expected.get("error"));
        } else {
            // Gnocchi answers 500 (a missing name); Polenta says what is wrong.
            assertThat(thrown).isInstanceOf(StructuredInvalidInputException.class)
                    .hasMessage("required key not provided @ data['name']");
        }
    }

    /** Python's True passes as the int 1 for lengths and bounds; Polenta keeps the int. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> intsForBools(Map<String, Object> type) {
        if (type == null) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>(type);
        Map<String, Object> attributes = new LinkedHashMap<>();
        ((Map<String, Object>) type.get("attributes")).forEach((name, definition) -> {
            Map<String, Object> attribute = new LinkedHashMap<>((Map<String, Object>) definition);
            for (String key : new String[] {"min_length", "max_length", "min", "max"}) {
                if (attribute.get(key) instanceof Boolean flag) {
                    attribute.put(key, flag ? 1 : 0);
                }
            }
            attributes.put(name, attribute);
        });
        copy.put("attributes", attributes);
        return copy;
    }
}
