package org.polenta.core.aggregates.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.errors.StructuredInvalidInputException;

/**
 * Each operations tree against what Gnocchi 4.4's OperationsSchema answered (parser.jsonl): the validated tree's
 * Python repr, or the failure's cause, reason and detail.
 */
class OperationsParserTest {

    private static final OperationsParser PARSER = new OperationsParser(List.of("operations"));

    static Stream<Arguments> cases() {
        return OracleCases.load("parser.jsonl").stream()
                .map(c -> Arguments.of("input " + PythonValues.repr(c.get("input")), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsGnocchi(String label, Map<String, Object> c) {
        Object input = c.get("input");
        if (c.containsKey("repr")) {
            assertThat(PARSER.parse(input).repr()).isEqualTo(c.get("repr"));
            return;
        }
        StructuredInvalidInputException e = catchThrowableOfType(() -> PARSER.parse(input),
                StructuredInvalidInputException.class);
        assertThat(e).as("a failure for %s", label).isNotNull();
        assertThat(e.description()).isEqualTo(c.get("error"));
    }

    @Test
    void referencesAreListedOnceInOrderOfAppearance() {
        Operation op = PARSER.parse("(- (metric (b mean) (a max) (b mean)) (aggregate sum (metric a max)))");

        assertThat(OperationsParser.references(op))
                .containsExactly(new MetricRef("b", "mean"), new MetricRef("a", "max"));
    }

    @Test
    void aTreeOfNumbersNamesNoReference() {
        assertThat(OperationsParser.references(PARSER.parse(List.of("+", 1, 2)))).isEmpty();
    }
}
