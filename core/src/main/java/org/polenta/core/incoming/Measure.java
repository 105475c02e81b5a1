package org.polenta.core.incoming;

/** One raw measure: nanoseconds since the epoch (UTC) and a finite value. */
public record Measure(long timestampNanos, double value) {
}
