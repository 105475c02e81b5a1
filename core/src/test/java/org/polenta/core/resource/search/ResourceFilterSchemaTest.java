package org.polenta.core.resource.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.testing.TestJson;

class ResourceFilterSchemaTest {

    static Stream<Arguments> cases() {
        return TestJson.lines(ResourceFilterSchemaTest.class, "search-schema.tsv").stream()
                .map(line -> line.split("\t"))
                .map(columns -> Arguments.of(columns[0], columns[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void validatesAsGnocchiDoes(String body, String expectedJson) {
        Map<String, Object> expected = (Map<String, Object>) TestJson.parse(expectedJson);
        Throwable thrown = catchThrowable(() -> {
            ResourceFilter filter = ResourceFilterSchema.parse(TestJson.parse(body), "foo:bar");
            assertThat(FilterJson.of(filter)).isEqualTo(FilterJson.canonicalize(expected.get("valid")));
        });
        if (expected.containsKey("valid")) {
            assertThat(thrown).isNull();
        } else if (expected.containsKey("invalid")) {
            Map<String, Object> invalid = (Map<String, Object>) expected.get("invalid");
            assertThat(thrown).isInstanceOf(StructuredInvalidInputException.class);
            StructuredInvalidInputException error = (StructuredInvalidInputException) thrown;
            assertThat(error.reason()).isEqualTo(invalid.get("reason"));
            assertThat(error.detail()).isEqualTo(invalid.get("detail"));
            assertThat(error.cause()).isEqualTo("Invalid input");
        } else {
            // Gnocchi answers 500 for a non-text id; Polenta a schema error.
            assertThat(thrown).isInstanceOf(StructuredInvalidInputException.class).hasMessageStartingWith("expected str");
        }
    }
}
