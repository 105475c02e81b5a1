package org.polenta.service.operations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.polenta.core.aggregates.MeasuresReader;
import org.polenta.core.aggregates.Points;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.search.ComparisonOperator;
import org.polenta.core.resource.search.ResourceFilter;
import org.polenta.core.usage.CounterIncrease;
import org.polenta.core.usage.FlavorHours;
import org.polenta.core.usage.GaugeStatistics;
import org.polenta.core.usage.InstanceHours;
import org.polenta.core.usage.MeterKind;
import org.polenta.core.usage.MeterUsage;
import org.polenta.core.usage.UsageGranularity;
import org.polenta.core.usage.UsageLedger;
import org.polenta.service.auth.Caller;
import org.polenta.service.errors.ApiException;

/**
 * GET /v1/usage: what each project used over a period, per resource type and meter, from the stored aggregates
 * (the arithmetic is core's, org.polenta.core.usage). A caller who is not an admin sees the project of its
 * token only; an admin sees every project, or the one asked for. Metrics that belong to no resource have no
 * project or type to be reported under and are left out.
 */
public final class UsageReport {

    /** Ceilometer's instance resource type; its metrics' coverage is the instance's running time. */
    static final String INSTANCE_TYPE = "instance";

    /** The flavor attributes ceilometer-upgrade gives instances, the readable name first. */
    private static final List<String> FLAVOR_ATTRIBUTES = List.of("flavor_name", "flavor_id");

    /** What a report says. */
    public record Result(UsageRequest request, List<MeterUsage> meters, List<FlavorHours> instanceHours) {
    }

    private final ResourceQueries resources;
    private final MetricRepository metrics;
    private final MetricLookup lookup;
    private final MeasuresReader reader;
    private final Clock clock;

    public UsageReport(ResourceQueries resources, MetricRepository metrics, MetricLookup lookup,
                       MeasuresReader reader, Clock clock) {
        this.resources = resources;
        this.metrics = metrics;
        this.lookup = lookup;
        this.reader = reader;
        this.clock = clock;
    }

    public Result report(Caller caller, UsageRequest request) {
        ResourceFilter projects = projectsOf(caller, request.projectId());
        Map<String, ArchivePolicy> policies = lookup.policiesByName();
        Map<UUID, Object> flavors = flavorsOfInstances(caller, projects);
        long now = clock.millis() * 1_000_000L;
        UsageLedger ledger = new UsageLedger();
        for (Resource resource : resources.allSearchable(caller, "generic", projects)) {
            boolean instance = INSTANCE_TYPE.equals(resource.type());
            List<InstanceHours.Series> coverage = new ArrayList<>();
            Map<UUID, Metric> byId = new LinkedHashMap<>();
            metrics.get(new ArrayList<>(resource.metrics().values())).forEach(m -> byId.put(m.id(), m));
            for (Map.Entry<String, UUID> named : resource.metrics().entrySet()) {
                Metric metric = byId.get(named.getValue());
                ArchivePolicy policy = metric == null ? null : policies.get(metric.archivePolicyName());
                if (policy == null) {
                    continue;
                }
                Optional<ArchivePolicyItem> item = UsageGranularity.choose(policy, request.granularity(),
                        request.start(), now);
                if (item.isEmpty()) {
                    continue;
                }
                Points values = account(ledger, resource, named.getKey(), metric, policy, item.get(), request);
                if (instance && values != null) {
                    coverage.add(new InstanceHours.Series(values, item.get().granularityNanos()));
                }
            }
            if (instance) {
                Object flavor = flavors.get(resource.id());
                ledger.addInstance(resource.projectId(), flavor == null ? null : flavor.toString(),
                        InstanceHours.over(coverage, request.start(), request.stop()));
            }
        }
        return new Result(request, ledger.meters(), ledger.instanceHours());
    }

    /**
     * Adds one metric of one resource to the ledger.
     *
     * @return the series read (for the instance's running time), or null when the policy keeps none of use
     */
    private Points account(UsageLedger ledger, Resource resource, String meter, Metric metric, ArchivePolicy policy,
                           ArchivePolicyItem item, UsageRequest request) {
        String method = valueMethod(policy.aggregationMethods());
        if (method == null) {
            return null;
        }
        long g = item.granularityNanos();
        if (MeterKind.of(policy) == MeterKind.CUMULATIVE) {
            // From the series' start: the growth of the first bucket in the period is measured from the one before.
            Points series = reader.readSeries(metric.id(), item, method, null, request.stop());
            ledger.addCounter(resource.projectId(), resource.type(), meter, metric.unit(),
                    CounterIncrease.over(series, request.start(), request.stop()));
            return series;
        }
        Points means = reader.readSeries(metric.id(), item, method, request.start(), request.stop());
        Points maxes = policy.aggregationMethods().contains("max")
                ? reader.readSeries(metric.id(), item, "max", request.start(), request.stop()) : null;
        ledger.addGauge(resource.projectId(), resource.type(), meter, metric.unit(),
                GaugeStatistics.of(means, maxes, g, request.start(), request.stop()));
        return means;
    }

    /**
     * The aggregate that stands for the metric's value in a bucket: the mean (what Gnocchi's "rate:mean" is the
     * difference of), else the last value.
     */
    private static String valueMethod(Set<String> methods) {
        if (methods.contains("mean")) {
            return "mean";
        }
        return methods.contains("last") ? "last" : null;
    }

    /** Non-admins see their own project only, whatever they ask; asking for another one is refused. */
    private static ResourceFilter projectsOf(Caller caller, String asked) {
        if (caller.isAdmin()) {
            return asked == null ? new ResourceFilter.Empty()
                    : new ResourceFilter.Comparison(ComparisonOperator.EQ, "project_id", asked);
        }
        String own = caller.projectId();
        if (asked != null && !asked.equals(own)) {
            throw ApiException.forbidden();
        }
        return new ResourceFilter.Comparison(ComparisonOperator.EQ, "project_id", own);
    }

    /** The flavor of every instance in the report: only the instance type's own search carries its attributes. */
    private Map<UUID, Object> flavorsOfInstances(Caller caller, ResourceFilter projects) {
        Map<UUID, Object> flavors = new LinkedHashMap<>();
        for (Resource instance : resources.allSearchable(caller, INSTANCE_TYPE, projects)) {
            for (String attribute : FLAVOR_ATTRIBUTES) {
                Object value = instance.attributes().get(attribute);
                if (value != null) {
                    flavors.put(instance.id(), value);
                    break;
                }
            }
        }
        return flavors;
    }
}
