package org.polenta.core.time;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.text.PythonFloats;
import org.polenta.core.text.PythonInts;
import org.polenta.core.text.PythonStrings;

/**
 * Reads human time expressions ("1 hour", "5m30s", "1 day, 0:00:00", "- 2 weeks") into seconds, with the same
 * grammar and arithmetic as the pytimeparse 1.1.5 library Gnocchi relies on, quirks included (a '|' counts as
 * a sign; only whole-second parts get the sign when seconds are whole and something else is fractional).
 */
final class TimeExpressions {

    private static final String SEPARATORS = "[,/]";
    private static final String WEEKS = "(?<weeks>[\\d.]+)\\s*(?:w|wks?|weeks?)";
    private static final String DAYS = "(?<days>[\\d.]+)\\s*(?:d|dys?|days?)";
    private static final String HOURS = "(?<hours>[\\d.]+)\\s*(?:h|hrs?|hours?)";
    private static final String MINS = "(?<mins>[\\d.]+)\\s*(?:m|(mins?)|(minutes?))";
    private static final String SECS = "(?<secs>[\\d.]+)\\s*(?:s|secs?|seconds?)";
    private static final String SECCLOCK = ":(?<secs>\\d{2}(?:\\.\\d+)?)";
    private static final String MINCLOCK = "(?<mins>\\d{1,2}):(?<secs>\\d{2}(?:\\.\\d+)?)";
    private static final String HOURCLOCK = "(?<hours>\\d+):(?<mins>\\d{2}):(?<secs>\\d{2}(?:\\.\\d+)?)";
    private static final String DAYCLOCK = "(?<days>\\d+):(?<hours>\\d{2}):(?<mins>\\d{2}):(?<secs>\\d{2}(?:\\.\\d+)?)";

    // Python's re on str is Unicode-aware (\d, \s, IGNORECASE); '.' stops only at '\n' and '$' allows one final '\n'.
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNICODE_CASE | Pattern.UNIX_LINES;

    private static final Pattern SIGNED = Pattern.compile("\\s*(?<sign>[+|-])?\\s*(?<unsigned>.*)$", FLAGS);

    private static final List<Pattern> FORMATS = List.of(
            format(optionalSeparated(WEEKS) + "\\s*" + optionalSeparated(DAYS) + "\\s*" + optionalSeparated(HOURS)
                    + "\\s*" + optionalSeparated(MINS) + "\\s*" + optional(SECS)),
            format(MINCLOCK),
            format(optionalSeparated(WEEKS) + "\\s*" + optionalSeparated(DAYS) + "\\s*" + HOURCLOCK),
            format(DAYCLOCK),
            format(SECCLOCK));

    private static final List<String> UNITS = List.of("weeks", "days", "hours", "mins", "secs");
    private static final Map<String, Long> MULTIPLIERS = Map.of(
            "weeks", 7L * 24 * 3600, "days", 24L * 3600, "hours", 3600L, "mins", 60L, "secs", 1L);

    private TimeExpressions() {
    }

    /**
     * The number of seconds the expression denotes (a BigInteger when pytimeparse gives an int, a Double when
     * it gives a float), or empty when it is not a time expression.
     *
     * @throws InvalidInputException when a matched number is not a number to Python ("1.2.3 days")
     */
    static Optional<Number> parse(String text) {
        Matcher signed = SIGNED.matcher(text);
        if (!signed.lookingAt()) {
            return Optional.empty();
        }
        int sign = "-".equals(signed.group("sign")) ? -1 : 1;
        String unsigned = signed.group("unsigned");
        for (Pattern format : FORMATS) {
            Matcher match = format.matcher(unsigned);
            if (match.lookingAt() && !PythonStrings.strip(match.group()).isEmpty()) {
                return Optional.of(evaluate(sign, groups(match, format)));
            }
        }
        return Optional.empty();
    }

    private static Number evaluate(int sign, Map<String, String> parts) {
        if (parts.values().stream().allMatch(PythonStrings::isDigits)) {
            BigInteger total = BigInteger.ZERO;
            for (var part : parts.entrySet()) {
                total = total.add(BigInteger.valueOf(MULTIPLIERS.get(part.getKey())).multiply(integer(part.getValue())));
            }
            return total.multiply(BigInteger.valueOf(sign));
        }
        String secs = parts.get("secs");
        if (secs == null || PythonStrings.isDigits(secs)) {
            double others = 0;
            for (var part : parts.entrySet()) {
                if (!part.getKey().equals("secs")) {
                    others += MULTIPLIERS.get(part.getKey()) * decimal(part.getValue());
                }
            }
            BigInteger whole = new BigDecimal(others).toBigInteger().multiply(BigInteger.valueOf(sign));
            return secs == null ? whole : whole.add(integer(secs));
        }
        double total = 0;
        for (var part : parts.entrySet()) {
            total += MULTIPLIERS.get(part.getKey()) * decimal(part.getValue());
        }
        return sign * total;
    }

    private static Map<String, String> groups(Matcher match, Pattern format) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String unit : UNITS) {
            if (format.pattern().contains("(?<" + unit + ">") && match.group(unit) != null) {
                parts.put(unit, match.group(unit));
            }
        }
        return parts;
    }

    private static BigInteger integer(String digits) {
        return PythonInts.parse(digits).orElseThrow();
    }

    private static double decimal(String number) {
        OptionalDouble value = PythonFloats.parse(number);
        if (value.isEmpty()) {
            throw new InvalidInputException(PythonFloats.errorMessage(number));
        }
        return value.getAsDouble();
    }

    private static Pattern format(String body) {
        return Pattern.compile("\\s*" + body + "\\s*$", FLAGS | Pattern.CASE_INSENSITIVE);
    }

    private static String optional(String part) {
        return "(?:" + part + ")?";
    }

    private static String optionalSeparated(String part) {
        return "(?:" + part + "\\s*(?:" + SEPARATORS + "\\s*)?)?";
    }
}
