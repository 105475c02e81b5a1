package org.polenta.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonStringsTest {

    @Test
    void comparesByCodePointLikePythonNotByUtf16Unit() {
        String bmpMax = "\uFFFF";
        String emoji = new String(Character.toChars(0x1F600));
        assertThat(bmpMax.compareTo(emoji)).isPositive();
        assertThat(PythonStrings.compareCodePoints(bmpMax, emoji)).isNegative();
        assertThat(PythonStrings.compareCodePoints(emoji, bmpMax)).isPositive();
    }

    @Test
    void aPrefixSortsFirstAndEqualStringsAreEqual() {
        assertThat(PythonStrings.compareCodePoints("ab", "abc")).isNegative();
        assertThat(PythonStrings.compareCodePoints("abc", "ab")).isPositive();
        assertThat(PythonStrings.compareCodePoints("", "")).isZero();
        List<String> sorted = new ArrayList<>(List.of("b", "B", "a", "", "é"));
        sorted.sort(PythonStrings::compareCodePoints);
        // sorted(["b", "B", "a", "", "é"]) in Python
        assertThat(sorted).containsExactly("", "B", "a", "b", "é");
    }
}
