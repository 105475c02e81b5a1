package org.polenta.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathNormalizingFilterTest {

    @Test
    void collapsesDoubledSlashesAndDropsTrailingOnes() {
        assertThat(PathNormalizingFilter.normalize("v1//metric/")).isEqualTo("v1/metric");
        assertThat(PathNormalizingFilter.normalize("/v1/archive_policy")).isEqualTo("v1/archive_policy");
        assertThat(PathNormalizingFilter.normalize("")).isEmpty();
        assertThat(PathNormalizingFilter.normalize("v1/metric/abc")).isEqualTo("v1/metric/abc");
    }
}
