package org.polenta.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.testing.TestJson;

class DefaultArchivePoliciesTest {

    static Stream<Arguments> policies() {
        return TestJson.lines(DefaultArchivePoliciesTest.class, "default-policies.tsv").stream()
                .map(line -> line.split("\t"))
                .map(columns -> Arguments.of(TestJson.parse(columns[0]), columns[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void eachDefaultPolicyIsGnocchis(String name, String expected) {
        ArchivePolicy policy = DefaultArchivePolicies.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();

        assertThat(Map.of(
                "back_window", policy.backWindow(),
                "definition", policy.definition().stream()
                        .map(item -> Arrays.asList(TestJson.parse(Long.toString(item.granularityNanos())),
                                TestJson.parse(Long.toString(item.points()))))
                        .toList(),
                "aggregation_methods", policy.aggregationMethods().stream().sorted().toList()))
                .isEqualTo(TestJson.parse(expected));
    }

    @Test
    void thereAreExactlyTheFourPoliciesAndTheCatchAllRule() {
        assertThat(DefaultArchivePolicies.all()).extracting(ArchivePolicy::name)
                .containsExactlyInAnyOrder("bool", "low", "medium", "high");
        assertThat(DefaultArchivePolicies.defaultRule()).isEqualTo(new ArchivePolicyRule("default", "*", "low"));
        assertThat(ArchivePolicyRules.match(List.of(DefaultArchivePolicies.defaultRule()), null)).isPresent();
    }

    @Test
    void definitionsAreSortedFinestFirstAsTheContractSays() {
        for (ArchivePolicy policy : DefaultArchivePolicies.all()) {
            assertThat(policy.definition()).isSortedAccordingTo(
                    java.util.Comparator.comparingLong(ArchivePolicyItem::granularityNanos));
        }
    }
}
