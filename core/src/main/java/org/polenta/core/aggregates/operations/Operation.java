package org.polenta.core.aggregates.operations;

import java.util.List;

/**
 * A parsed operations tree of POST /v1/aggregates. Each node keeps {@link #repr()}, the Python repr Gnocchi prints
 * of the validated node in its messages (e.g. {@code ['metric', 'ID', 'mean']}).
 */
public sealed interface Operation {

    String repr();

    /** {@code (metric ID AGG)} or {@code (metric (ID AGG) (ID AGG) ...)}: the series of those references. */
    record Metrics(List<MetricRef> refs, boolean multiple, String repr) implements Operation {
        public Metrics {
            refs = List.copyOf(refs);
        }
    }

    /** A number. */
    record Constant(double value, String repr) implements Operation {
    }

    /** {@code (aggregate METHOD operand)}: the series combined into one at each timestamp. */
    record Aggregate(String method, Operation operand, String repr) implements Operation {
    }

    /** {@code (rolling METHOD WINDOW operand)}: a moving aggregate over WINDOW points of each series. */
    record Rolling(String method, int window, Operation operand, String repr) implements Operation {
    }

    /** {@code (resample METHOD TIMESPAN operand)}: each series regrouped at a coarser granularity. */
    record Resample(String method, long samplingNanos, Operation operand, String repr) implements Operation {
    }

    /** An element-wise function such as {@code (abs operand)}. */
    record Unary(UnaryOperator operator, Operation operand, String repr) implements Operation {
    }

    /** {@code (rateofchange operand)}: the difference between consecutive points. */
    record RateOfChange(Operation operand, String repr) implements Operation {
    }

    /** An element-wise binary operator such as {@code (+ left right)}. */
    record Binary(BinaryOperator operator, Operation left, Operation right, String repr) implements Operation {
    }

    /** {@code (clip operand min [max])}; {@code max} is null when absent. */
    record Clip(Operation operand, Operation min, Operation max, String repr) implements Operation {
    }
}
