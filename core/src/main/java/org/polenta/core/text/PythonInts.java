package org.polenta.core.text;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/** Python's int(str) in base 10, as voluptuous' Coerce(int) applies it to text. */
public final class PythonInts {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9](?:_?[0-9])*");

    private PythonInts() {
    }

    /** The value int(text) gives, or empty where Python raises ValueError. */
    public static Optional<BigInteger> parse(String text) {
        String candidate = PythonStrings.asciiDigits(PythonStrings.strip(text));
        if (!INTEGER.matcher(candidate).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger(candidate.replace("_", "")));
    }
}
