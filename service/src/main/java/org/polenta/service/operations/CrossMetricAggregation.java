package org.polenta.service.operations;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.polenta.core.aggregates.AggregatedPoint;
import org.polenta.core.aggregates.CrossMetricAggregator;
import org.polenta.core.aggregates.CrossMetricQuery;
import org.polenta.core.aggregates.Fill;
import org.polenta.core.aggregates.MetricAndPolicy;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.errors.ApiException;
import org.polenta.service.http.QueryValues;
import org.polenta.service.processing.MetricRefresher;
import org.polenta.service.validation.Voluptuous;

/** /v1/aggregation/metric: the metric ids (query or body), Gnocchi's checks, refresh, then core's aggregation. */
public final class CrossMetricAggregation {

    private final MetricRepository metrics;
    private final MetricLookup lookup;
    private final CrossMetricAggregator aggregator;
    private final MetricRefresher refresher;
    private final PolicyEnforcer enforcer;

    public CrossMetricAggregation(MetricRepository metrics, MetricLookup lookup, CrossMetricAggregator aggregator,
                                  MetricRefresher refresher, PolicyEnforcer enforcer) {
        this.metrics = metrics;
        this.lookup = lookup;
        this.aggregator = aggregator;
        this.refresher = refresher;
        this.enforcer = enforcer;
    }

    /** GET: ids from the repeated "metric" query argument. */
    public List<AggregatedPoint> fromQuery(Caller caller, MultivaluedMap<String, String> query) {
        List<String> raw = query.get("metric") == null ? List.of() : query.get("metric");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            UUID id = MetricLookup.parseUuid(raw.get(i));
            if (id == null) {
                throw ApiException.badRequest("Invalid input: not a valid value @ data[" + i + "]");
            }
            ids.add(id);
        }
        return aggregateIds(caller, ids, query);
    }

    /** POST: ids as a JSON list in the body. */
    public List<AggregatedPoint> fromBody(Caller caller, Object body, MultivaluedMap<String, String> query) {
        if (!(body instanceof List<?> raw)) {
            throw Voluptuous.fail("expected list", List.of());
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            UUID id = raw.get(i) instanceof String s ? MetricLookup.parseUuid(s) : null;
            if (id == null) {
                throw Voluptuous.fail("not a valid value", List.of(i));
            }
            ids.add(id);
        }
        return aggregateIds(caller, ids, query);
    }

    private List<AggregatedPoint> aggregateIds(Caller caller, List<UUID> requested,
                                               MultivaluedMap<String, String> q) {
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(requested));
        List<Metric> found = ids.isEmpty() ? List.of() : metrics.get(ids);
        for (UUID id : ids) {
            if (found.stream().noneMatch(m -> m.id().equals(id))) {
                throw ApiException.notFound(MetricLookup.notFoundMessage(id.toString()));
            }
        }
        return aggregate(caller, found, q);
    }

    /**
     * Gnocchi's get_cross_metric_measures_from_objs: the query arguments checked, "get metric" enforced on each
     * metric, refresh, then the aggregation (none for no metric).
     */
    public List<AggregatedPoint> aggregate(Caller caller, List<Metric> found, MultivaluedMap<String, String> q) {
        CrossMetricQuery query = new CrossMetricQuery(
                MeasuresQueries.timestamp("start", q.getFirst("start")),
                MeasuresQueries.timestamp("stop", q.getFirst("stop")),
                q.getFirst("aggregation"), q.getFirst("reaggregation"),
                MeasuresQueries.granularity(q.getFirst("granularity")),
                q.getFirst("resample"),
                CrossMetricQuery.parseNeededOverlap(q.getFirst("needed_overlap")),
                q.getFirst("fill") == null ? null : Fill.parse(q.getFirst("fill")));
        for (Metric m : found) {
            enforcer.enforce("get metric", MetricTargets.of(m), caller);
        }
        boolean refresh = QueryValues.bool("refresh", q.getFirst("refresh"), false);
        List<MetricAndPolicy> withPolicies = new ArrayList<>();
        for (Metric m : found) {
            if (refresh) {
                refresher.refresh(m);
            }
            withPolicies.add(new MetricAndPolicy(m, lookup.policyOf(m)));
        }
        return aggregator.aggregate(withPolicies, query);
    }
}
