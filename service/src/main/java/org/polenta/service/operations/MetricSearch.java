package org.polenta.service.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.polenta.core.aggregates.AggregatedPoint;
import org.polenta.core.aggregates.MeasuresQuery;
import org.polenta.core.aggregates.MeasuresReader;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.core.search.ValuePredicate;
import org.polenta.core.time.Timespans;
import org.polenta.core.time.Timestamps;
import org.polenta.service.api.MeasureRows;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.errors.ApiException;

/** POST /v1/search/metric: the points of some metrics whose value satisfies a predicate. */
public final class MetricSearch {

    private final MetricRepository metrics;
    private final MetricLookup lookup;
    private final MeasuresReader reader;
    private final PolicyEnforcer enforcer;

    public MetricSearch(MetricRepository metrics, MetricLookup lookup, MeasuresReader reader, PolicyEnforcer enforcer) {
        this.metrics = metrics;
        this.lookup = lookup;
        this.reader = reader;
        this.enforcer = enforcer;
    }

    /** The arguments as the query string gives them; {@code body} null when the request had no body. */
    public Map<String, List<List<Object>>> search(Caller caller, List<String> metricIds, String start, String stop,
                                                  String aggregation, List<String> granularities, Object body) {
        List<UUID> ids = metricIds.stream().map(MetricLookup::parseUuid).filter(java.util.Objects::nonNull).toList();
        List<Metric> found = ids.isEmpty() ? List.of() : metrics.get(ids);
        for (Metric m : found) {
            enforcer.enforce("search metric", MetricTargets.of(m), caller);
        }
        if (body == null) {
            throw ApiException.badRequest("No query specified in body");
        }
        ValuePredicate predicate = ValuePredicate.parse(body);
        Long from = bound(start, "start");
        Long to = bound(stop, "stop");
        String method = aggregation == null ? MeasuresQuery.DEFAULT_AGGREGATION : aggregation;
        List<Long> requested = granularities.isEmpty() ? null : parseGranularities(granularities);
        Map<String, List<List<Object>>> result = new LinkedHashMap<>();
        for (Metric m : found) {
            ArchivePolicy policy = lookup.policyOf(m);
            List<Long> gs = requested != null ? requested : policy.definition().stream()
                    .map(ArchivePolicyItem::granularityNanos).sorted(java.util.Comparator.reverseOrder()).toList();
            for (long g : gs) {
                requireAggregation(policy, method, g);
            }
            List<List<Object>> rows = new ArrayList<>();
            for (long g : gs) {
                for (AggregatedPoint p : reader.read(m, policy, new MeasuresQuery(from, to, method, g, null, null))) {
                    if (predicate.test(p.value())) {
                        rows.add(MeasureRows.row(p));
                    }
                }
            }
            result.put(m.id().toString(), rows);
        }
        return result;
    }

    private static Long bound(String raw, String name) {
        if (raw == null) {
            return null;
        }
        try {
            return Timestamps.parse(raw);
        } catch (InvalidInputException e) {
            throw ApiException.badRequest("Invalid value for " + name);
        }
    }

    private static List<Long> parseGranularities(List<String> raw) {
        List<Long> out = new ArrayList<>();
        for (String g : raw) {
            try {
                out.add(Timespans.parse(g));
            } catch (InvalidInputException e) {
                throw ApiException.argumentValue("granularity", e.getMessage());
            }
        }
        out.sort(java.util.Comparator.reverseOrder());
        return out;
    }

    /** Gnocchi answers 400 here (404 on the measures endpoint) with the structured AggregationDoesNotExist. */
    private static void requireAggregation(ArchivePolicy policy, String method, long granularity) {
        boolean exists = policy.aggregationMethods().contains(method)
                && policy.definition().stream().anyMatch(i -> i.granularityNanos() == granularity);
        if (!exists) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("granularity", Timespans.seconds(granularity));
            detail.put("aggregation_method", method);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("cause", "Aggregation does not exist");
            d.put("detail", detail);
            throw ApiException.badRequest(d);
        }
    }
}
