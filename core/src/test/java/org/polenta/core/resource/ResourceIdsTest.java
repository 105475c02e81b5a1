package org.polenta.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polenta.core.testing.TestJson;

class ResourceIdsTest {

    static Stream<Arguments> ids() {
        return TestJson.lines(ResourceIdsTest.class, "resource-ids.tsv").stream()
                .map(line -> line.split("\t", -1))
                .map(c -> Arguments.of(c[0], c[1].equals("\\N") ? null : c[1], c[2]));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("ids")
    void transformsAsGnocchiDoes(String value, String creator, String expected) {
        if (expected.startsWith("!")) {
            assertThatThrownBy(() -> ResourceIds.transform(value, creator)).hasMessage(expected.substring(1));
        } else {
            assertThat(ResourceIds.transform(value, creator)).isEqualTo(UUID.fromString(expected));
        }
    }

    static Stream<Arguments> etags() {
        return TestJson.lines(ResourceIdsTest.class, "etags.tsv").stream()
                .map(line -> line.split("\t")).map(c -> Arguments.of(c[0], c[1], c[2]));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("etags")
    void etagsAreGnocchis(String id, String revisionStart, String etag) {
        LocalDateTime time = LocalDateTime.parse(revisionStart);
        long nanos = time.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + time.getNano();
        assertThat(ResourceEtags.etag(UUID.fromString(id), nanos)).isEqualTo(etag);
        assertThat(ResourceEtags.lastModified(nanos).getNano()).isZero();
    }

    @Test
    void createdByIsTheCreatorSplitAtTheFirstColon() {
        assertThat(Creators.userId("u:p:q")).isEqualTo("u");
        assertThat(Creators.projectId("u:p:q")).isEqualTo("p:q");
        assertThat(Creators.userId("admin")).isEqualTo("admin");
        assertThat(Creators.projectId("admin")).isEmpty();
        assertThat(Creators.projectId(":p")).isEqualTo("p");
    }
}
