package org.polenta.core.processor;

/**
 * What one processing run of a metric did. {@code measuresProcessed} counts every pending measure consumed,
 * {@code lateMeasuresDropped} those among them that back_window rejected (so they are counted, never lost silently).
 */
public record ProcessingResult(int measuresProcessed, int lateMeasuresDropped) {

    public static final ProcessingResult NOTHING = new ProcessingResult(0, 0);

    public ProcessingResult {
        if (measuresProcessed < 0 || lateMeasuresDropped < 0 || lateMeasuresDropped > measuresProcessed) {
            throw new IllegalArgumentException(
                    "inconsistent counts: " + measuresProcessed + ", " + lateMeasuresDropped);
        }
    }

    public int measuresKept() {
        return measuresProcessed - lateMeasuresDropped;
    }
}
