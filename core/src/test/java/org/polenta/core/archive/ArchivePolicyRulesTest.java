package org.polenta.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.testing.TestJson;

class ArchivePolicyRulesTest {

    static Stream<Arguments> patterns() {
        return TestJson.lines(ArchivePolicyRulesTest.class, "fnmatch.tsv").stream()
                .map(line -> line.split("\t"))
                .map(columns -> {
                    List<?> patternAndName = (List<?>) TestJson.parse(columns[0]);
                    return Arguments.of(patternAndName.get(0), patternAndName.get(1), TestJson.parse(columns[1]));
                });
    }

    @ParameterizedTest(name = "fnmatch({1}, {0}) = {2}")
    @MethodSource("patterns")
    void patternsMatchAsPythonsFnmatch(String pattern, String name, boolean expected) {
        assertThat(FnMatch.matches(pattern, name)).isEqualTo(expected);
    }

    @Test
    void rulesAreTriedByPatternDescendingThenNameAscending() {
        ArchivePolicyRule catchAll = new ArchivePolicyRule("test_rule1", "*", "low");
        ArchivePolicyRule disk = new ArchivePolicyRule("test_rule3", "disk.*", "medium");
        ArchivePolicyRule diskFoo = new ArchivePolicyRule("test_rule2", "disk.foo.*", "high");
        ArchivePolicyRule diskFooToo = new ArchivePolicyRule("a_rule", "disk.foo.*", "bool");

        List<ArchivePolicyRule> rules = List.of(catchAll, disk, diskFoo, diskFooToo);

        assertThat(ArchivePolicyRules.inMatchingOrder(rules)).containsExactly(diskFooToo, diskFoo, disk, catchAll);
        assertThat(ArchivePolicyRules.match(rules, "disk.foo.bar")).contains(diskFooToo);
        assertThat(ArchivePolicyRules.match(rules, "disk.io.rate")).contains(disk);
        assertThat(ArchivePolicyRules.match(rules, "cpu")).contains(catchAll);
        assertThat(ArchivePolicyRules.match(rules, null)).contains(catchAll);
    }

    @Test
    void noMatchingRuleMeansNoPolicy() {
        List<ArchivePolicyRule> rules = List.of(new ArchivePolicyRule("r", "disk.*", "low"));

        assertThat(ArchivePolicyRules.match(rules, "volume.io.rate")).isEmpty();
        assertThat(ArchivePolicyRules.match(rules, null)).isEmpty();
        assertThat(ArchivePolicyRules.match(List.of(), "disk.io")).isEmpty();
    }

    @Test
    void patternsCompareByCodePointNotByLocale() {
        ArchivePolicyRule upper = new ArchivePolicyRule("u", "Z*", "low");
        ArchivePolicyRule lower = new ArchivePolicyRule("l", "a*", "low");
        ArchivePolicyRule accented = new ArchivePolicyRule("e", "é*", "low");
        ArchivePolicyRule astral = new ArchivePolicyRule("s", "\uD83D\uDE00*", "low");
        ArchivePolicyRule privateUse = new ArchivePolicyRule("p", "\uFFFD*", "low");

        assertThat(ArchivePolicyRules.inMatchingOrder(List.of(upper, lower, accented, privateUse, astral)))
                .containsExactly(astral, privateUse, accented, lower, upper);
    }
}
