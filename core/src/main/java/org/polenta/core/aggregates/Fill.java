package org.polenta.core.aggregates;

import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.text.PythonFloats;

import java.util.OptionalDouble;

/**
 * The fill argument of the aggregation endpoints: absent (strict overlap checks), "null" (missing points are NaN,
 * no overlap check), "dropna" (like null, then NaN and infinite results are left out), a number used for
 * every missing point, or one of later Gnocchi's propagating fills: "ffill" (a series' previous point carries
 * forward), "bfill" (its next point carries backward), "full_ffill" (ffill, then bfill what is still missing at the
 * start) and "full_bfill" (bfill, then ffill what is still missing at the end).
 */
public record Fill(Kind kind, double value) {

    public enum Kind { NONE, NULL, DROPNA, VALUE, FFILL, BFILL, FULL_FFILL, FULL_BFILL }

    public static final Fill NONE = new Fill(Kind.NONE, Double.NaN);
    public static final Fill NULL = new Fill(Kind.NULL, Double.NaN);
    public static final Fill DROPNA = new Fill(Kind.DROPNA, Double.NaN);
    public static final Fill FFILL = new Fill(Kind.FFILL, Double.NaN);
    public static final Fill BFILL = new Fill(Kind.BFILL, Double.NaN);
    public static final Fill FULL_FFILL = new Fill(Kind.FULL_FFILL, Double.NaN);
    public static final Fill FULL_BFILL = new Fill(Kind.FULL_BFILL, Double.NaN);

    public static Fill of(double value) {
        return new Fill(Kind.VALUE, value);
    }

    /**
     * Parses the query argument as Gnocchi's FillSchema (a float first, then "null" or "dropna"), plus the
     * propagating fills of later Gnocchi. The error keeps Gnocchi 4.4's wording, which clients match.
     * @throws StructuredInvalidInputException {"cause": "Argument value error", "detail": "fill", ...} otherwise
     */
    public static Fill parse(String raw) {
        if (raw == null) {
            return NONE;
        }
        OptionalDouble number = PythonFloats.parse(raw);
        if (number.isPresent()) {
            return of(number.getAsDouble());
        }
        if (raw.equals("null")) {
            return NULL;
        }
        switch (raw) {
            case "dropna":
                return DROPNA;
            case "ffill":
                return FFILL;
            case "bfill":
                return BFILL;
            case "full_ffill":
                return FULL_FFILL;
            case "full_bfill":
                return FULL_BFILL;
            default:
                break;
        }
        throw new StructuredInvalidInputException(StructuredInvalidInputException.ARGUMENT_VALUE_ERROR,
                    "Must be a float, 'dropna' or 'null'", "fill");
    }

    /** The value a missing point takes in the grid (before any propagation). */
    double filler() {
        return kind == Kind.VALUE ? value : Double.NaN;
    }

    /** Whether the overlap checks apply: only when no fill was asked for. */
    public boolean checksOverlap() {
        return kind == Kind.NONE;
    }

    /** Fills the missing (NaN) cells of one series, given in time order, as this fill propagates values. */
    void propagate(double[] cells) {
        switch (kind) {
            case FFILL -> forward(cells);
            case BFILL -> backward(cells);
            case FULL_FFILL -> {
                forward(cells);
                backward(cells);
            }
            case FULL_BFILL -> {
                backward(cells);
                forward(cells);
            }
            default -> {
            }
        }
    }

    private static void forward(double[] cells) {
        for (int t = 1; t < cells.length; t++) {
            if (Double.isNaN(cells[t])) {
                cells[t] = cells[t - 1];
            }
        }
    }

    private static void backward(double[] cells) {
        for (int t = cells.length - 2; t >= 0; t--) {
            if (Double.isNaN(cells[t])) {
                cells[t] = cells[t + 1];
            }
        }
    }
}
