package org.polenta.core.text;

/**
 * What Python's str methods consider whitespace and digits. Gnocchi hands user text to float(), int() and
 * regular expressions that use these Unicode-aware rules, so the same text must be accepted here.
 */
public final class PythonStrings {

    private PythonStrings() {
    }

    /** Python's str.isspace() for one code point. */
    public static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || codePoint == 0x85;
    }

    /** Python's str.strip() with no argument. */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** Every Unicode decimal digit replaced by its ASCII digit, as Python does before parsing numbers. */
    public static String asciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp > 0x7f && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + Character.digit(cp, 10)));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Python's str.isdigit() restricted to decimal digits (all that a \d regex group can hold). */
    public static boolean isDigits(String text) {
        return !text.isEmpty() && text.codePoints().allMatch(cp -> Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER);
    }

    /**
     * Python's str ordering, which is code point order (and PostgreSQL's C collation's): String.compareTo
     * compares UTF-16 units and so differs from it above U+FFFF.
     */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
