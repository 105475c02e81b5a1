package org.polenta.service.operations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.Measure;
import org.polenta.core.incoming.MeasuresParser;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.errors.ApiException;
import org.polenta.service.processing.ProcessingHints;

/**
 * Accepts measures: parsed with Gnocchi's rules, stored durably in the backlog before the 202, and announced
 * to this instance's processors.
 */
public final class MeasuresIntake {

    private final IncomingMeasures incoming;
    private final MetricRepository metrics;
    private final PolicyEnforcer enforcer;
    private final ProcessingHints hints;

    public MeasuresIntake(IncomingMeasures incoming, MetricRepository metrics, PolicyEnforcer enforcer,
                          ProcessingHints hints) {
        this.incoming = incoming;
        this.metrics = metrics;
        this.enforcer = enforcer;
        this.hints = hints;
    }

    /** POST /v1/metric/{id}/measures. */
    public void add(Caller caller, Metric metric, Object body) {
        enforcer.enforce("post measures", MetricTargets.of(metric), caller);
        List<Measure> measures = parse(body, List.of());
        if (!measures.isEmpty()) {
            store(Map.of(metric.id(), measures));
        }
    }

    /** POST /v1/batch/metrics/measures, read by {@link BatchMeasuresReader}: all accepted or none. */
    public void addBatch(Caller caller, Map<UUID, List<Measure>> parsed) {
        List<Metric> found = metrics.get(new ArrayList<>(parsed.keySet()));
        if (found.size() != parsed.size()) {
            TreeSet<String> missing = new TreeSet<>();
            parsed.keySet().forEach(id -> missing.add(id.toString()));
            found.forEach(m -> missing.remove(m.id().toString()));
            throw ApiException.badRequest("Unknown metrics: " + String.join(", ", missing));
        }
        for (Metric m : found) {
            enforcer.enforce("post measures", MetricTargets.of(m), caller);
        }
        Map<UUID, List<Measure>> nonEmpty = new LinkedHashMap<>();
        parsed.forEach((id, list) -> {
            if (!list.isEmpty()) {
                nonEmpty.put(id, list);
            }
        });
        if (!nonEmpty.isEmpty()) {
            store(nonEmpty);
        }
    }

    private void store(Map<UUID, List<Measure>> byMetric) {
        incoming.add(byMetric);
        byMetric.keySet().forEach(id -> hints.accepted(incoming.sackOf(id)));
    }

    /** Failures are Gnocchi's voluptuous ones: {"cause": "Invalid input", "reason": ..., "detail": path}. */
    private static List<Measure> parse(Object body, List<Object> path) {
        return MeasuresParser.parse(body, path, Clock.systemUTC());
    }
}
