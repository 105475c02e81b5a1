package org.polenta.core.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Shell-style patterns as Python's fnmatch.fnmatch reads them on Linux (case-sensitive): "*" any text (slashes
 * and newlines included), "?" one character, "[seq]", "[!seq]" with ranges, an unclosed "[" as a literal.
 */
public final class FnMatch {

    private FnMatch() {
    }

    public static boolean matches(String pattern, String name) {
        return compile(pattern).matcher(name).matches();
    }

    static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        int[] chars = pattern.codePoints().toArray();
        int i = 0;
        while (i < chars.length) {
            int c = chars[i++];
            if (c == '*') {
                while (i < chars.length && chars[i] == '*') {
                    i++;
                }
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < chars.length && chars[j] == '!') {
                    j++;
                }
                if (j < chars.length && chars[j] == ']') {
                    j++;
                }
                while (j < chars.length && chars[j] != ']') {
                    j++;
                }
                if (j >= chars.length) {
                    regex.append(literal('['));
                } else {
                    regex.append(bracket(chars, i, j));
                    i = j + 1;
                }
            } else {
                regex.append(literal(c));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The set between '[' (exclusive, at {@code from}) and ']' (at {@code to}). */
    private static String bracket(int[] chars, int from, int to) {
        boolean negated = from < to && chars[from] == '!';
        int start = negated ? from + 1 : from;
        List<int[]> ranges = new ArrayList<>();
        int k = start;
        while (k < to) {
            int low = chars[k];
            if (k + 2 < to && chars[k + 1] == '-') {
                int high = chars[k + 2];
                if (low <= high) {
                    ranges.add(new int[] {low, high});
                }
                // Python 3.11 drops reversed ranges such as "z-a": they match nothing.
                k += 3;
            } else {
                ranges.add(new int[] {low, low});
                k++;
            }
        }
        if (ranges.isEmpty()) {
            // Only reversed ranges such as "z-a" leave a set empty: Python then matches nothing, or anything when negated.
            return negated ? "." : "(?!)";
        }
        StringBuilder set = new StringBuilder(negated ? "[^" : "[");
        for (int[] range : ranges) {
            set.append(literalInSet(range[0]));
            if (range[1] != range[0]) {
                set.append('-').append(literalInSet(range[1]));
            }
        }
        return set.append(']').toString();
    }

    private static String literal(int c) {
        return Pattern.quote(new String(Character.toChars(c)));
    }

    private static String literalInSet(int c) {
        return String.format("\\x{%x}", c);
    }
}
