package org.polenta.core.aggregates;

import org.junit.jupiter.api.Test;
import org.polenta.core.errors.StructuredInvalidInputException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FillTest {

    @Test
    void parsesNumbersFirstThenTheTwoWords() {
        assertThat(Fill.parse(null)).isEqualTo(Fill.NONE);
        assertThat(Fill.parse("0")).isEqualTo(Fill.of(0));
        assertThat(Fill.parse(" -2.5e1 ")).isEqualTo(Fill.of(-25));
        assertThat(Fill.parse("1_000")).isEqualTo(Fill.of(1000));
        assertThat(Fill.parse("inf").value()).isInfinite();
        assertThat(Fill.parse("null")).isEqualTo(Fill.NULL);
        assertThat(Fill.parse("dropna")).isEqualTo(Fill.DROPNA);
    }

    @Test
    void rejectsAnythingElseAsGnocchiWordsIt() {
        StructuredInvalidInputException e = catchThrowableOfType(StructuredInvalidInputException.class,
                () -> Fill.parse("asdf"));
        assertThat(e.description()).isEqualTo(Map.of("cause", "Argument value error", "detail", "fill",
                "reason", "Must be a float, 'dropna' or 'null'"));
    }

    @Test
    void neededOverlapMustBeANumber() {
        assertThat(CrossMetricQuery.parseNeededOverlap("50")).isEqualTo(50.0);
        assertThat(CrossMetricQuery.parseNeededOverlap(null)).isNull();
        StructuredInvalidInputException e = catchThrowableOfType(StructuredInvalidInputException.class,
                () -> CrossMetricQuery.parseNeededOverlap("x"));
        assertThat(e.description()).isEqualTo(Map.of("cause", "Argument value error", "detail", "needed_overlap",
                "reason", "Must be a number"));
    }
}
