package org.polenta.core.resource.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.testing.TestJson;

class FilterStringParserTest {

    private static final String CREATOR = "foo:bar";

    static Stream<Arguments> cases() {
        return TestJson.lines(FilterStringParserTest.class, "filter-strings.tsv").stream()
                .map(line -> line.split("\t"))
                .map(columns -> Arguments.of(TestJson.parse(columns[0]), columns[1]));
    }

    @ParameterizedTest(name = "[{index}] <{0}>")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void parsesAsGnocchiDoes(String filter, String expectedJson) {
        Map<String, Object> expected = (Map<String, Object>) TestJson.parse(expectedJson);
        if (expected.containsKey("error")) {
            assertThat(catchThrowable(() -> FilterStringParser.parseToJson(filter)))
                    .isExactlyInstanceOf(InvalidInputException.class)
                    .hasMessage((String) expected.get("error"));
            return;
        }
        Object parsed = FilterStringParser.parseToJson(filter);
        assertThat(FilterJson.encode(parsed)).isEqualTo(expected.get("parsed"));
        Throwable thrown = catchThrowable(() -> {
            ResourceFilter validated = FilterStringParser.parse(filter, CREATOR);
            assertThat(FilterJson.of(validated)).isEqualTo(FilterJson.canonicalize(expected.get("valid")));
        });
        if (expected.containsKey("valid")) {
            assertThat(thrown).isNull();
        } else if (expected.containsKey("invalid")) {
            Map<String, Object> invalid = (Map<String, Object>) expected.get("invalid");
            assertThat(thrown).isInstanceOf(StructuredInvalidInputException.class);
            assertThat(((StructuredInvalidInputException) thrown).reason()).isEqualTo(invalid.get("reason"));
            assertThat(((StructuredInvalidInputException) thrown).detail()).isEqualTo(invalid.get("detail"));
        } else {
            // Gnocchi answers 500 ("id = null"); Polenta a schema error.
            assertThat(thrown).isInstanceOf(StructuredInvalidInputException.class);
        }
    }
}
