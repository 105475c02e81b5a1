package org.polenta.core.text;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** Python's float(str): the numeric text Gnocchi accepts for values, timestamps and timespans. */
public final class PythonFloats {

    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern DECIMAL = Pattern.compile(
            "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?");
    private static final Pattern SPECIAL = Pattern.compile("([+-]?)(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private PythonFloats() {
    }

    /** The value float(text) gives, or empty where Python raises ValueError. */
    public static OptionalDouble parse(String text) {
        String candidate = PythonStrings.asciiDigits(PythonStrings.strip(text));
        var special = SPECIAL.matcher(candidate);
        if (special.matches()) {
            boolean negative = special.group(1).equals("-");
            if (special.group(2).equalsIgnoreCase("nan")) {
                return OptionalDouble.of(Double.NaN);
            }
            return OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (!DECIMAL.matcher(candidate).matches()) {
            return OptionalDouble.empty();
        }
        // Java's parser rounds correctly, as CPython's does, once the Python-only underscores are gone.
        return OptionalDouble.of(Double.parseDouble(candidate.replace("_", "")));
    }

    /** Python's message when float(text) fails. */
    public static String errorMessage(String text) {
        return "could not convert string to float: " + PythonRepr.of(text);
    }
}
