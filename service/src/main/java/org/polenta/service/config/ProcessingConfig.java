package org.polenta.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** The processors that run inside the service and aggregate the backlog. */
public class ProcessingConfig {

    /** Processor threads; 0 turns background processing off (refresh=true still works). */
    @Min(0)
    private int threads = 4;

    /** How often every sack is scanned for measures that another instance accepted. */
    @Min(10)
    private long scanIntervalMillis = 1000;

    /** Pause after measures accepted by this instance before they are processed, so that bursts share a run. */
    @Min(0)
    private long hintDelayMillis = 50;

    /** Lifetime of a sack lease; a dead instance's sacks are taken over after at most this long. */
    @Min(1)
    private long leaseSeconds = 30;

    /**
     * Metrics of a sack each processor thread processes side by side: a run mostly waits on Cassandra round
     * trips, so several runs in flight keep both Cassandra and the cores busy.
     */
    @Min(1)
    private int metricsInParallel = 4;

    /** At most this many metrics are taken from one sack per pass. */
    @Min(1)
    private int metricsPerPass = 1000;

    @JsonProperty
    public int getThreads() {
        return threads;
    }

    @JsonProperty
    public void setThreads(int threads) {
        this.threads = threads;
    }

    @JsonProperty
    public long getScanIntervalMillis() {
        return scanIntervalMillis;
    }

    @JsonProperty
    public void setScanIntervalMillis(long scanIntervalMillis) {
        this.scanIntervalMillis = scanIntervalMillis;
    }

    @JsonProperty
    public long getHintDelayMillis() {
        return hintDelayMillis;
    }

    @JsonProperty
    public void setHintDelayMillis(long hintDelayMillis) {
        this.hintDelayMillis = hintDelayMillis;
    }

    @JsonProperty
    public long getLeaseSeconds() {
        return leaseSeconds;
    }

    @JsonProperty
    public void setLeaseSeconds(long leaseSeconds) {
        this.leaseSeconds = leaseSeconds;
    }

    @JsonProperty
    public int getMetricsInParallel() {
        return metricsInParallel;
    }

    @JsonProperty
    public void setMetricsInParallel(int metricsInParallel) {
        this.metricsInParallel = metricsInParallel;
    }

    @JsonProperty
    public int getMetricsPerPass() {
        return metricsPerPass;
    }

    @JsonProperty
    public void setMetricsPerPass(int metricsPerPass) {
        this.metricsPerPass = metricsPerPass;
    }
}
