package org.polenta.core.usage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Adds up what each resource used into the report's lines: per project, resource type and meter (and unit and
 * kind, so that two metrics of one name that disagree on either are never summed), and instance-hours per
 * project and flavor. Lines come out sorted, so that a report reads the same every time.
 */
public final class UsageLedger {

    private record MeterKey(String projectId, String resourceType, String meter, String unit, MeterKind kind)
            implements Comparable<MeterKey> {
        private static final Comparator<MeterKey> ORDER = Comparator.comparing(MeterKey::projectId)
                .thenComparing(MeterKey::resourceType).thenComparing(MeterKey::meter).thenComparing(MeterKey::unit)
                .thenComparing(MeterKey::kind);

        @Override
        public int compareTo(MeterKey o) {
            return ORDER.compare(this, o);
        }
    }

    private final Map<MeterKey, MeterUsage> meters = new TreeMap<>();
    private final Map<List<String>, FlavorHours> flavors = new TreeMap<>(
            Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));

    public void addCounter(String projectId, String resourceType, String meter, String unit, double increase) {
        MeterKey key = key(projectId, resourceType, meter, unit, MeterKind.CUMULATIVE);
        meters.merge(key, new MeterUsage(key.projectId, key.resourceType, key.meter, key.unit, key.kind, 1, increase,
                null), (a, b) -> new MeterUsage(a.projectId(), a.resourceType(), a.meter(), a.unit(), a.kind(),
                a.resources() + 1, a.increase() + b.increase(), null));
    }

    public void addGauge(String projectId, String resourceType, String meter, String unit, GaugeStatistics gauge) {
        MeterKey key = key(projectId, resourceType, meter, unit, MeterKind.GAUGE);
        meters.merge(key, new MeterUsage(key.projectId, key.resourceType, key.meter, key.unit, key.kind, 1, 0, gauge),
                (a, b) -> new MeterUsage(a.projectId(), a.resourceType(), a.meter(), a.unit(), a.kind(),
                        a.resources() + 1, 0, a.gauge().plus(b.gauge())));
    }

    public void addInstance(String projectId, String flavor, double hours) {
        String p = Objects.requireNonNullElse(projectId, "");
        String f = Objects.requireNonNullElse(flavor, "");
        flavors.merge(List.of(p, f), new FlavorHours(p, f, 1, hours),
                (a, b) -> new FlavorHours(p, f, a.instances() + 1, a.hours() + b.hours()));
    }

    public List<MeterUsage> meters() {
        return new ArrayList<>(meters.values());
    }

    public List<FlavorHours> instanceHours() {
        return new ArrayList<>(flavors.values());
    }

    private static MeterKey key(String projectId, String resourceType, String meter, String unit, MeterKind kind) {
        return new MeterKey(Objects.requireNonNullElse(projectId, ""), resourceType, meter,
                Objects.requireNonNullElse(unit, ""), kind);
    }
}
