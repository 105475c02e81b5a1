package org.polenta.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.testing.TestJson;

class ArchivePolicyParserTest {

    private static final long SECOND = 1_000_000_000L;

    static Stream<Arguments> createCases() {
        return TestJson.lines(ArchivePolicyParserTest.class, "archive-policy-create.tsv").stream()
                .map(line -> line.split("\t"))
                .map(columns -> Arguments.of(columns[0], columns[1]));
    }

    static Stream<Arguments> patchCases() {
        return TestJson.lines(ArchivePolicyParserTest.class, "archive-policy-patch.tsv").stream()
                .map(line -> line.split("\t"))
                .map(columns -> Arguments.of(columns[0], columns[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("createCases")
    void creationBodiesAreJudgedAsGnocchiJudgesThem(String body, String expected) {
        assertThat(outcome(() -> describe(ArchivePolicyParser.parseBody(TestJson.parse(body)))))
                .isEqualTo(TestJson.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patchCases")
    void patchBodiesAreJudgedAsGnocchiJudgesThem(String body, String expected) {
        ArchivePolicy existing = new ArchivePolicy("p", 0,
                List.of(new ArchivePolicyItem(SECOND, 20L), new ArchivePolicyItem(2 * SECOND, null)),
                AggregationMethods.DEFAULT);
        Object outcome = outcome(() -> {
            ArchivePolicy patched = ArchivePolicyParser.patchBody(existing, TestJson.parse(body));
            assertThat(patched.name()).isEqualTo("p");
            assertThat(patched.aggregationMethods()).isEqualTo(existing.aggregationMethods());
            return Map.of("definition", definition(patched));
        });
        assertThat(outcome).isEqualTo(TestJson.parse(expected));
    }

    @Test
    void theDefinitionIsKeptSortedFinestFirstWhateverTheRequestOrder() {
        ArchivePolicy policy = ArchivePolicyParser.parse(Map.of("name", "x", "definition", List.of(
                Map.of("granularity", "1 hour", "points", 24),
                Map.of("granularity", "1 minute", "points", 60),
                Map.of("granularity", "1 day"))));

        assertThat(policy.definition()).extracting(ArchivePolicyItem::granularityNanos)
                .containsExactly(60 * SECOND, 3600 * SECOND, 86400 * SECOND);
    }

    @Test
    void anUnnamedPolicyIsReportedBeforeAMissingDefinition() {
        // Gnocchi reports whichever missing key its hash order gives; the name comes first here, always.
        Throwable error = catchThrowable(() -> ArchivePolicyParser.parse(Map.of()));

        assertThat(((StructuredInvalidInputException) error).detail()).isEqualTo(List.of("name"));
    }

    @Test
    void modifiersApplyInRequestOrderAndNeverStayInTheSet() {
        ArchivePolicy policy = ArchivePolicyParser.parseBody(TestJson.parse(
                "{\"name\": \"x\", \"aggregation_methods\": [\"max\", \"+rate:mean\", \"-max\"], \"definition\": [{\"granularity\": 60}]}"));

        assertThat(policy.aggregationMethods()).containsExactly("rate:mean");
        assertThat(ArchivePolicyParser.parseBody(TestJson.parse(
                "{\"name\": \"x\", \"aggregation_methods\": [\"rate:95pct\", \"-rate:95pct\"], \"definition\": [{\"granularity\": 60}]}"))
                .aggregationMethods()).isEmpty();
    }

    @Test
    void aTimespanBeyondWhatNanosecondsHoldIsRefusedNotWrapped() {
        assertThatThrownBy(() -> ArchivePolicyParser.parseBody(TestJson.parse(
                "{\"name\": \"x\", \"definition\": [{\"granularity\": \"1 min\", \"points\": 10000000000000}]}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Timespan out of range");
    }

    @Test
    void aGranularityThatComputesToZeroIsRefused() {
        assertThatThrownBy(() -> ArchivePolicyParser.parseBody(TestJson.parse(
                "{\"name\": \"x\", \"definition\": [{\"timespan\": 0.000000001, \"points\": 2}]}")))
                .hasMessage("Granularity should be > 0");
    }

    @Test
    void aHugeBackWindowIsRefused() {
        assertThatThrownBy(() -> ArchivePolicyParser.parseBody(TestJson.parse(
                "{\"name\": \"x\", \"back_window\": 3000000000, \"definition\": [{\"granularity\": 60}]}")))
                .hasMessage("value must be at most 2147483647 for dictionary value @ data['back_window']");
    }

    @Test
    void aGranularityOfTheWrongTypeIsABadRequestNotACrash() {
        assertThatThrownBy(() -> ArchivePolicyParser.parseBody(TestJson.parse(
                "{\"name\": \"x\", \"definition\": [{\"granularity\": [1], \"points\": 3}]}")))
                .isInstanceOf(StructuredInvalidInputException.class)
                .hasMessage("Unable to parse timespan for dictionary value @ data['definition'][0]['granularity']");
    }

    @Test
    void schemaErrorsCarryGnocchisDescriptionObject() {
        StructuredInvalidInputException error = (StructuredInvalidInputException) catchThrowable(() ->
                ArchivePolicyParser.parseBody(TestJson.parse("{\"name\": \"m\", \"definition\": [{\"cowsay\": \"moo\"}]}")));

        assertThat(error.description()).containsExactly(
                Map.entry("cause", "Invalid input"),
                Map.entry("reason", "extra keys not allowed @ data['definition'][0]['cowsay']"),
                Map.entry("detail", List.of("definition", "0", "cowsay")));
    }

    /** What the tables record for a run: the policy, the schema error, or the plain message. */
    private static Object outcome(java.util.function.Supplier<Object> run) {
        try {
            return run.get();
        } catch (StructuredInvalidInputException e) {
            assertThat(e.cause()).isEqualTo("Invalid input");
            return Map.of("invalid", Map.of("reason", e.reason(), "detail", e.detail()));
        } catch (InvalidInputException e) {
            return Map.of("message", e.getMessage());
        }
    }

    private static Object describe(ArchivePolicy policy) {
        return Map.of("policy", Map.of(
                "name", policy.name(),
                "back_window", policy.backWindow(),
                "definition", definition(policy),
                "aggregation_methods", policy.aggregationMethods().stream().sorted().toList()));
    }

    private static List<Object> definition(ArchivePolicy policy) {
        List<Object> items = new ArrayList<>();
        policy.definition().stream()
                .sorted(Comparator.comparingLong(ArchivePolicyItem::granularityNanos))
                .forEach(item -> items.add(java.util.Arrays.asList(number(item.granularityNanos()),
                        item.points() == null ? null : number(item.points()))));
        return items;
    }

    /** The JSON reader's type for an integer of that size, so that equals() compares like with like. */
    private static Object number(long value) {
        return value == (int) value ? (Object) (int) value : (Object) value;
    }
}
