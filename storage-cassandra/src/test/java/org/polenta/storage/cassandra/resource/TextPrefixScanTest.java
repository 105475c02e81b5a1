package org.polenta.storage.cassandra.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextPrefixScanTest {

    @Test
    void theSuccessorIncrementsTheLastCodePoint() {
        assertThat(TextPrefixScan.successor("vm-1")).isEqualTo("vm-2");
        assertThat(TextPrefixScan.successor("a\uffff")).isEqualTo("a\uD800\uDC00");
        assertThat(TextPrefixScan.successor("a\uD7FF")).isEqualTo("a\uE000");
    }

    @Test
    void aMaximalLastCodePointCarriesIntoTheOneBefore() {
        String max = new String(Character.toChars(Character.MAX_CODE_POINT));
        assertThat(TextPrefixScan.successor("ab" + max)).isEqualTo("ac");
        assertThat(TextPrefixScan.successor(max + max)).isNull();
    }

    @Test
    void everyTextWithThePrefixSortsBelowTheSuccessorAsCassandraComparesText() {
        String prefix = "h\u00e9\uD83D\uDE00";
        String upper = TextPrefixScan.successor(prefix);
        for (String suffix : new String[] {"", "z", "\uffff", new String(Character.toChars(0x10FFFF)) + "tail"}) {
            assertThat(compareUtf8(prefix + suffix, upper)).as(suffix).isLessThan(0);
            assertThat(compareUtf8(prefix + suffix, prefix)).isGreaterThanOrEqualTo(0);
        }
        assertThat(compareUtf8("h\u00ea", upper)).isGreaterThan(0);
    }

    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
