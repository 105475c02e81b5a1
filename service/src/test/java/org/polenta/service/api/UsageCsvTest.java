package org.polenta.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.Points;
import org.polenta.core.usage.FlavorHours;
import org.polenta.core.usage.GaugeStatistics;
import org.polenta.core.usage.MeterKind;
import org.polenta.core.usage.MeterUsage;
import org.polenta.service.operations.UsageReport;
import org.polenta.service.operations.UsageRequest;

class UsageCsvTest {

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(UsageCsv.quoted("m1.small")).isEqualTo("m1.small");
        assertThat(UsageCsv.quoted("a,b")).isEqualTo("\"a,b\"");
        assertThat(UsageCsv.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(UsageCsv.quoted("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void aGaugeWithoutDataHasEmptyCellsNotNaN() {
        UsageReport.Result result = new UsageReport.Result(new UsageRequest(0, 1, null, null, true), List.of(
                new MeterUsage("p", "instance", "memory", "MB", MeterKind.GAUGE, 1, 0, GaugeStatistics.NONE),
                new MeterUsage("p", "instance", "cpu", "ns", MeterKind.CUMULATIVE, 1, 5, null)),
                List.of(new FlavorHours("p", "m1,odd", 1, 0.5)));
        assertThat(UsageCsv.of(result).split("\r\n")).containsExactly(UsageCsv.HEADER,
                "p,instance,memory,,MB,gauge,1,,,,",
                "p,instance,cpu,,ns,cumulative,1,5.0,,,",
                "p,instance,instance-hours,\"m1,odd\",h,,1,,,,0.5");
        assertThat(UsageJson.of(result).toString()).contains("mean=null, max=null");
        assertThat(GaugeStatistics.of(new Points(new long[] {0}, new double[] {1}), null, 1, 5, 6).mean()).isNaN();
    }
}
