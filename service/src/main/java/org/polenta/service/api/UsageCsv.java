package org.polenta.service.api;

import java.util.List;
import org.polenta.core.time.PythonFloatRepr;
import org.polenta.core.usage.FlavorHours;
import org.polenta.core.usage.MeterKind;
import org.polenta.core.usage.MeterUsage;
import org.polenta.service.operations.UsageReport;

/**
 * The CSV of a usage report (RFC 4180), for spreadsheets and billing scripts: one table, one line per meter and
 * one per flavor's instance-hours (meter "instance-hours", unit "h"); the cells a line does not have are empty.
 */
public final class UsageCsv {

    static final String HEADER = "project_id,resource_type,meter,flavor,unit,kind,resources,increase,mean,max,hours";

    private UsageCsv() {
    }

    public static String of(UsageReport.Result result) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (MeterUsage m : result.meters()) {
            boolean counter = m.kind() == MeterKind.CUMULATIVE;
            line(out, List.of(m.projectId(), m.resourceType(), m.meter(), "", m.unit(), m.kind().label(),
                    String.valueOf(m.resources()), counter ? number(m.increase()) : "",
                    counter ? "" : number(m.gauge().mean()), counter ? "" : number(m.gauge().max()), ""));
        }
        for (FlavorHours f : result.instanceHours()) {
            line(out, List.of(f.projectId(), "instance", "instance-hours", f.flavor(), "h", "", String.valueOf(
                    f.instances()), "", "", "", number(f.hours())));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** A cell as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break. */
    static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : PythonFloatRepr.of(value);
    }
}
