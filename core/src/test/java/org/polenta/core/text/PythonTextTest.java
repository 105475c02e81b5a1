package org.polenta.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.testing.TestJson;

class PythonTextTest {

    static Stream<Arguments> floats() {
        return table("python-floats.tsv");
    }

    static Stream<Arguments> ints() {
        return table("python-ints.tsv");
    }

    static Stream<Arguments> reprs() {
        return table("python-repr.tsv");
    }

    @ParameterizedTest(name = "float({0})")
    @MethodSource("floats")
    void floatReadsWhatPythonReads(String text, String expected) {
        String input = (String) TestJson.parse(text);
        OptionalDouble value = PythonFloats.parse(input);
        Object outcome = value.isEmpty()
                ? Map.of("error", PythonFloats.errorMessage(input))
                : Map.of("float", describe(value.getAsDouble()));
        assertThat(outcome).isEqualTo(TestJson.parse(expected));
    }

    @ParameterizedTest(name = "int({0})")
    @MethodSource("ints")
    void intReadsWhatPythonReads(String text, String expected) {
        Object outcome = PythonInts.parse((String) TestJson.parse(text))
                .<Object>map(value -> Map.of("int", value.toString()))
                .orElse(Map.of("error", true));
        assertThat(outcome).isEqualTo(TestJson.parse(expected));
    }

    @ParameterizedTest(name = "repr({0})")
    @MethodSource("reprs")
    void reprQuotesAsPythonQuotes(String text, String expected) {
        assertThat(PythonRepr.of((String) TestJson.parse(text))).isEqualTo(TestJson.parse(expected));
    }

    private static Object describe(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return value;
    }

    private static Stream<Arguments> table(String resource) {
        return TestJson.lines(PythonTextTest.class, resource).stream()
                .map(line -> line.split("\t"))
                .map(columns -> Arguments.of(columns[0], columns[1]));
    }
}
