package org.polenta.core.aggregates;

import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.text.PythonFloats;

import java.util.OptionalDouble;

/**
 * The fill argument of the aggregation endpoints: absent (strict overlap checks), "null" (missing points are NaN,
 * no overlap check), "dropna" (like null, then NaN and infinite results are left out) or a number used for
 * every missing point.
 */
public record Fill(Kind kind, double value) {

    public enum Kind { NONE, NULL, DROPNA, VALUE }

    public static final Fill NONE = new Fill(Kind.NONE, Double.NaN);
    public static final Fill NULL = new Fill(Kind.NULL, Double.NaN);
    public static final Fill DROPNA = new Fill(Kind.DROPNA, Double.NaN);

    public static Fill of(double value) {
        return new Fill(Kind.VALUE, value);
    }

    /**
     * Parses the query argument as Gnocchi's FillSchema (a float first, then "null" or "dropna").
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
        if (raw.equals("dropna")) {
            return DROPNA;
        }
        throw new StructuredInvalidInputException(StructuredInvalidInputException.ARGUMENT_VALUE_ERROR,
                    "Must be a float, 'dropna' or 'null'", "fill");
    }

    /** The value a missing point takes in the grid. */
    double filler() {
        return kind == Kind.VALUE ? value : Double.NaN;
    }
}
