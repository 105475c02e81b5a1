package org.polenta.service.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.processor.ProcessingStatistics;

/**
 * GET /v1/status: the backlog (Gnocchi's storage.summary and measures_to_process) and this instance's
 * processors with their counters, including the measures back_window made too late to keep.
 */
public final class StatusReport {

    private final IncomingMeasures incoming;
    private final ProcessingStatistics statistics;
    private final String processorName;

    public StatusReport(IncomingMeasures incoming, ProcessingStatistics statistics, String processorName) {
        this.incoming = incoming;
        this.statistics = statistics;
        this.processorName = processorName;
    }

    public Map<String, Object> report(boolean details) {
        IncomingMeasures.BacklogSummary backlog = incoming.summary();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("metrics", backlog.metrics());
        summary.put("measures", backlog.measures());
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("summary", summary);
        if (details) {
            Map<String, Object> perMetric = new LinkedHashMap<>();
            backlog.perMetric().forEach((id, count) -> perMetric.put(id.toString(), count));
            storage.put("measures_to_process", perMetric);
        }
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("metrics_processed", statistics.metricsProcessed());
        counters.put("measures_processed", statistics.measuresProcessed());
        counters.put("late_measures_dropped", statistics.lateMeasuresDropped());
        Map<String, Object> metricd = new LinkedHashMap<>();
        metricd.put("processors", List.of(processorName));
        metricd.put("statistics", Map.of(processorName, counters));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("storage", storage);
        body.put("metricd", metricd);
        return body;
    }
}
