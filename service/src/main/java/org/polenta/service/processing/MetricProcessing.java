package org.polenta.service.processing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyRepository;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.PendingMeasures;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.core.processor.MetricProcessor;
import org.polenta.core.processor.ProcessingResult;
import org.polenta.core.processor.ProcessingStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one metric's backlog with core's MetricProcessor, counts it, and reports late measures. A failure
 * leaves the backlog in place (the processor forgets batches only after storing them) for the next pass.
 * Callers hold the sack's lease and local lock.
 */
public final class MetricProcessing {

    private static final Logger LOG = LoggerFactory.getLogger(MetricProcessing.class);

    private final MetricRepository metrics;
    private final ArchivePolicyRepository policies;
    private final IncomingMeasures incoming;
    private final MetricProcessor processor;
    private final ProcessingStatistics statistics;

    public MetricProcessing(MetricRepository metrics, ArchivePolicyRepository policies, IncomingMeasures incoming,
                            MetricProcessor processor, ProcessingStatistics statistics) {
        this.metrics = metrics;
        this.policies = policies;
        this.incoming = incoming;
        this.processor = processor;
        this.statistics = statistics;
    }

    public ProcessingStatistics statistics() {
        return statistics;
    }

    /**
     * Processes a metric found pending in a sack. The metric is looked up as batches of measures look it up (the
     * application hands a {@link org.polenta.core.metric.CachingMetricRepository}): a run used to begin with a read
     * of the metric's row, a tenth of the requests Cassandra served for the listener. A metric deleted through
     * another instance may then be processed for a few seconds more: nothing reads what that writes, and it
     * expires with its TTL like the rest of a deleted metric's series.
     */
    public void process(UUID metricId) {
        Optional<Metric> metric = metrics.get(List.of(metricId)).stream().findFirst();
        if (metric.isEmpty()) {
            // Measures are accepted only for existing metrics: these belong to a metric deleted since.
            PendingMeasures orphaned = incoming.pending(metricId);
            if (!orphaned.isEmpty()) {
                LOG.info("metric {} was deleted: forgetting its {} pending measures", metricId, orphaned.measureCount());
                incoming.remove(orphaned);
            }
            return;
        }
        process(metric.get());
    }

    public ProcessingResult process(Metric metric) {
        Optional<ArchivePolicy> policy = policies.get(metric.archivePolicyName());
        if (policy.isEmpty()) {
            LOG.error("metric {} uses archive policy {}, which does not exist: its measures stay pending",
                    metric.id(), metric.archivePolicyName());
            return ProcessingResult.NOTHING;
        }
        ProcessingResult result = processor.process(metric, policy.get());
        statistics.record(result);
        if (result.lateMeasuresDropped() > 0) {
            LOG.warn("metric {}: {} late measures dropped by the back_window of archive policy {}",
                    metric.id(), result.lateMeasuresDropped(), metric.archivePolicyName());
        }
        return result;
    }
}
