package org.polenta.service.operations;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.polenta.core.aggregates.CrossMetricQuery;
import org.polenta.core.aggregates.Fill;
import org.polenta.core.aggregates.MetricAndPolicy;
import org.polenta.core.aggregates.operations.AggregatesProcessor;
import org.polenta.core.aggregates.operations.AggregatesQuery;
import org.polenta.core.aggregates.operations.AggregatesReference;
import org.polenta.core.aggregates.operations.AggregatesResult;
import org.polenta.core.aggregates.operations.MetricRef;
import org.polenta.core.aggregates.operations.Operation;
import org.polenta.core.aggregates.operations.OperationsParser;
import org.polenta.core.aggregates.operations.ResourceAggregates;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.service.api.MeasureRows;
import org.polenta.service.api.MetricJson;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.errors.ApiException;
import org.polenta.service.http.QueryValues;
import org.polenta.service.processing.MetricRefresher;
import org.polenta.service.validation.Voluptuous;

/**
 * POST /v1/aggregates (Gnocchi's AggregatesController.post): the query arguments and the body checked in Gnocchi's
 * order, then by metric ids, or by the resources an {@link AggregatesResourceResolver} finds.
 */
public final class AggregatesComputation {

    private static final String OPERATIONS = "operations";
    private static final String RESOURCE_TYPE = "resource_type";
    private static final String SEARCH = "search";

    private final MetricRepository metrics;
    private final MetricLookup lookup;
    private final AggregatesProcessor processor;
    private final MetricRefresher refresher;
    private final PolicyEnforcer enforcer;
    private final AggregatesResourceResolver resources;
    private final RecentMetrics recent = new RecentMetrics();

    /** A groupby's groups whose reads may be under way at once, per request. */
    static final int GROUPS_IN_FLIGHT = 64;
    /** The series reads of a groupby's groups under way at once, per request (a group's own reads excepted). */
    static final int READS_IN_FLIGHT = 512;

    public AggregatesComputation(MetricRepository metrics, MetricLookup lookup, AggregatesProcessor processor,
                                 MetricRefresher refresher, PolicyEnforcer enforcer,
                                 AggregatesResourceResolver resources) {
        this.metrics = metrics;
        this.lookup = lookup;
        this.processor = processor;
        this.refresher = refresher;
        this.enforcer = enforcer;
        this.resources = resources;
    }

    /** @param body a supplier of the decoded body, read only once the query arguments passed */
    public Object post(Caller caller, java.util.function.Supplier<Object> body, MultivaluedMap<String, String> q) {
        boolean details = QueryValues.bool("details", q.getFirst("details"), false);
        Double neededOverlap = CrossMetricQuery.parseNeededOverlap(q.getFirst("needed_overlap"));
        Long start = MeasuresQueries.timestamp("start", q.getFirst("start"));
        Long stop = MeasuresQueries.timestamp("stop", q.getFirst("stop"));
        Long granularity = MeasuresQueries.granularity(q.getFirst("granularity"));
        Fill fill = q.getFirst("fill") == null ? null : Fill.parse(q.getFirst("fill"));
        boolean refresh = QueryValues.bool("refresh", q.getFirst("refresh"), false);
        // Gnocchi 4.4 ignores it; later versions check it as a boolean and then split groups by resource revision.
        // CloudKitty and gnocchiclient send it: checked as later versions do, answered from current resources.
        QueryValues.bool("use_history", q.getFirst("use_history"), false);
        AggregatesQuery query = AggregatesQuery.of(start, stop, granularity, neededOverlap, fill);

        Map<String, Object> fields = checkBody(body.get());
        Operation operations = new OperationsParser(List.of(OPERATIONS)).parse(fields.get(OPERATIONS));
        List<MetricRef> references = OperationsParser.references(operations);
        if (references.isEmpty()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("cause", "Operations is invalid");
            d.put("reason", "At least one 'metric' is required");
            d.put("detail", fields.get(OPERATIONS));
            throw ApiException.badRequest(d);
        }
        AggregatesRequest request = new AggregatesRequest(operations, references, query, details, refresh);
        if (fields.containsKey(RESOURCE_TYPE)) {
            List<String> groupby = q.get("groupby") == null ? List.of()
                    : List.copyOf(new TreeSet<>(q.get("groupby")));
            return byResources(caller, request, (String) fields.get(RESOURCE_TYPE), fields.get(SEARCH), groupby);
        }
        return byMetricIds(caller, request);
    }

    // AggregatesController.FetchSchema: {"operations"} or {"operations", "resource_type", "search"}.
    private static Map<String, Object> checkBody(Object body) {
        if (!(body instanceof Map<?, ?> raw)) {
            throw Voluptuous.fail("expected a dictionary", List.of());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) raw;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String key = e.getKey();
            if (key.equals(RESOURCE_TYPE) && !(e.getValue() instanceof String)) {
                throw Voluptuous.valueFail("expected str", List.of(key));
            }
            if (!key.equals(OPERATIONS) && !key.equals(RESOURCE_TYPE) && !key.equals(SEARCH)) {
                throw Voluptuous.fail("extra keys not allowed", List.of(key));
            }
        }
        if (!fields.containsKey(OPERATIONS)) {
            throw Voluptuous.fail("required key not provided", List.of(OPERATIONS));
        }
        if (fields.containsKey(SEARCH) != fields.containsKey(RESOURCE_TYPE)) {
            String absent = fields.containsKey(SEARCH) ? RESOURCE_TYPE : SEARCH;
            throw Voluptuous.fail("required key not provided", List.of(absent));
        }
        return fields;
    }

    private static final List<String> DEFAULT_SORTS = List.of("revision_start:asc", "started_at:asc");

    // AggregatesController.post with "resource_type": one answer, or one per group of equal groupby attributes.
    private Object byResources(Caller caller, AggregatesRequest request, String type, Object search,
                               List<String> groupby) {
        List<ResourceAggregates.FoundResource> found = new ArrayList<>();
        Map<String, ArchivePolicy> policies = new HashMap<>();
        for (AggregatesResourceResolver.ResolvedResource r : resources.resolve(caller, type, search,
                groupby.isEmpty() ? DEFAULT_SORTS : groupby,
                name -> ResourceAggregates.isUsed(name, request.references()))) {
            List<MetricAndPolicy> withPolicies = new ArrayList<>();
            for (Metric m : r.metrics()) {
                withPolicies.add(new MetricAndPolicy(m,
                        policies.computeIfAbsent(m.archivePolicyName(), n -> lookup.policyOf(m))));
            }
            found.add(new ResourceAggregates.FoundResource(r.id(), r.json(), withPolicies));
        }
        if (groupby.isEmpty()) {
            List<AggregatesReference> references = ResourceAggregates.references(found, request.references());
            if (references.isEmpty()) {
                throw noSuchMetric(request);
            }
            return measures(found, references, request);
        }
        record Evaluation(ResourceAggregates.Group group, List<AggregatesReference> references) {
        }
        List<Evaluation> evaluations = new ArrayList<>();
        for (ResourceAggregates.Group group : ResourceAggregates.groups(found, groupby)) {
            List<AggregatesReference> references =
                    ResourceAggregates.references(group.resources(), request.references());
            // Gnocchi leaves out a group none of whose resources has the metrics.
            if (!references.isEmpty()) {
                evaluations.add(new Evaluation(group, references));
            }
        }
        if (evaluations.isEmpty()) {
            throw noSuchMetric(request);
        }
        // The groups are independent: the reads of up to GROUPS_IN_FLIGHT groups are under way together, and the
        // groups are evaluated and answered in order, so the first failure in order is the one reported.
        // The window also holds at most READS_IN_FLIGHT series (but always the next group), so that groups of many
        // metrics each do not pile thousands of reads onto the storage at once.
        int n = evaluations.size();
        List<Object> started = new ArrayList<>(n);
        List<Map<String, Object>> results = new ArrayList<>(n);
        int readsStarted = 0;
        int readsFinished = 0;
        for (int i = 0; i < n; i++) {
            while (started.size() < n && started.size() < i + GROUPS_IN_FLIGHT
                    && (started.size() == i
                        || readsStarted - readsFinished + evaluations.get(started.size()).references().size()
                            <= READS_IN_FLIGHT)) {
                Evaluation e = evaluations.get(started.size());
                readsStarted += e.references().size();
                try {
                    started.add(startMeasures(e.references(), request));
                } catch (RuntimeException failure) {
                    started.add(failure);
                }
            }
            Object begun = started.get(i);
            started.set(i, null);
            if (begun instanceof RuntimeException failure) {
                throw failure;
            }
            Evaluation e = evaluations.get(i);
            readsFinished += e.references().size();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("group", e.group().key());
            entry.put("measures", finishMeasures(e.group().resources(), e.references(), request,
                    (AggregatesProcessor.Started) begun));
            results.add(entry);
        }
        return results;
    }

    /** Gnocchi 4.4's NoSuchMetric as the aggregates API reports it: a 400 (4.5 and later answer 404). */
    private static ApiException noSuchMetric(AggregatesRequest request) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("cause", "Metrics not found");
        d.put("detail", ResourceAggregates.names(request.references()));
        return ApiException.badRequest(d);
    }

    private Map<String, Object> measures(List<ResourceAggregates.FoundResource> resourcesFound,
                                         List<AggregatesReference> references, AggregatesRequest request) {
        return finishMeasures(resourcesFound, references, request, startMeasures(references, request));
    }

    private AggregatesProcessor.Started startMeasures(List<AggregatesReference> references,
                                                     AggregatesRequest request) {
        if (request.refresh()) {
            references.stream().map(r -> r.target().metric()).distinct().forEach(refresher::refresh);
        }
        return processor.start(references, request.operations(), request.query());
    }

    private Map<String, Object> finishMeasures(List<ResourceAggregates.FoundResource> resourcesFound,
                                               List<AggregatesReference> references, AggregatesRequest request,
                                               AggregatesProcessor.Started started) {
        AggregatesResult result = started.finish();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("measures", result.render(MeasureRows::of));
        if (request.details()) {
            Set<String> used = new LinkedHashSet<>();
            references.forEach(r -> used.add(r.resourceId()));
            response.put("references", resourcesFound.stream().filter(r -> used.contains(r.id()))
                    .map(ResourceAggregates.FoundResource::attributes).toList());
        }
        return response;
    }

    /**
     * The series reads of the metrics as recent requests found them, or null when one is not remembered or the
     * remembered ones fail a check: the answer then comes from the rows alone, failures in Gnocchi's order.
     */
    private AggregatesProcessor.Started startFromRecentMetrics(Map<MetricRef, UUID> ids, AggregatesRequest request) {
        try {
            List<AggregatesReference> remembered = new ArrayList<>(ids.size());
            for (Map.Entry<MetricRef, UUID> e : ids.entrySet()) {
                Metric m = recent.get(e.getValue());
                if (m == null) {
                    return null;
                }
                remembered.add(AggregatesReference.byId(new MetricAndPolicy(m, lookup.policyOf(m)), e.getKey()));
            }
            return processor.start(remembered, request.operations(), request.query());
        } catch (RuntimeException notThisWay) {
            return null;
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Map<String, Object> byMetricIds(Caller caller, AggregatesRequest request) {
        Map<MetricRef, UUID> ids = new LinkedHashMap<>();
        for (MetricRef ref : request.references()) {
            UUID id = MetricLookup.parseUuid(ref.metric());
            if (id == null) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("cause", "Invalid metric references");
                d.put("reason", "badly formed hexadecimal UUID string");
                d.put("detail", request.references().stream().map(MetricRef::asList).toList());
                throw ApiException.badRequest(d);
            }
            ids.put(ref, id);
        }
        List<UUID> distinct = new ArrayList<>(new LinkedHashSet<>(ids.values()));
        CompletableFuture<List<Metric>> rows = metrics.getAsync(distinct);
        // Begun before the rows arrive, used only if the rows confirm it (request.refresh() must run first).
        AggregatesProcessor.Started early = request.refresh() ? null : startFromRecentMetrics(ids, request);
        Map<UUID, Metric> found = new HashMap<>();
        join(rows).forEach(m -> found.put(m.id(), m));
        Set<String> missing = new TreeSet<>();
        distinct.stream().filter(id -> !found.containsKey(id)).forEach(id -> missing.add(id.toString()));
        if (!missing.isEmpty()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("cause", "Unknown metrics");
            d.put("reason", "Provided metrics don't exists");
            d.put("detail", List.copyOf(missing));
            throw ApiException.notFound(d);
        }
        List<Metric> listed = found.values().stream().sorted(Comparator.comparing(m -> m.id().toString())).toList();
        for (Metric m : listed) {
            enforcer.enforce("get metric", MetricTargets.of(m), caller);
        }
        Map<String, ArchivePolicy> policies = new HashMap<>();
        for (Metric m : listed) {
            if (request.refresh()) {
                refresher.refresh(m);
            }
            policies.computeIfAbsent(m.archivePolicyName(), n -> lookup.policyOf(m));
        }
        List<AggregatesReference> references = new ArrayList<>();
        ids.forEach((ref, id) -> {
            Metric m = found.get(id);
            references.add(AggregatesReference.byId(
                    new MetricAndPolicy(m, policies.get(m.archivePolicyName())), ref));
        });
        listed.forEach(recent::remember);
        AggregatesResult result = early != null && early.readsSameAs(references)
                ? early.finishFor(references)
                : processor.process(references, request.operations(), request.query());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("measures", result.render(MeasureRows::of));
        if (request.details()) {
            response.put("references", listed.stream()
                    .map(m -> MetricJson.withPolicy(m, policies.get(m.archivePolicyName()))).toList());
        }
        return response;
    }
}
