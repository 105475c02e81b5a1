package org.polenta.core.resource.search;

import java.util.regex.Pattern;

/** SQL LIKE patterns as PostgreSQL reads them: % any run, _ one character, backslash escapes the next one. */
public final class LikePatterns {

    private LikePatterns() {
    }

    public static boolean matches(String pattern, String text) {
        return toRegex(pattern).matcher(text).matches();
    }

    public static Pattern toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\\' && i < pattern.length()) {
                int escaped = pattern.codePointAt(i);
                i += Character.charCount(escaped);
                regex.append(Pattern.quote(new String(Character.toChars(escaped))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(new String(Character.toChars(c))));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The fixed text before the first wildcard, and whether the pattern is nothing but that text. */
    public static String literalPrefix(String pattern) {
        StringBuilder prefix = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '%' || c == '_') {
                break;
            }
            if (c == '\\' && i + 1 < pattern.length()) {
                i++;
                c = pattern.charAt(i);
            }
            prefix.append(c);
            i++;
        }
        return prefix.toString();
    }

    /** Whether the pattern matches only one text (no unescaped wildcard). */
    public static boolean isLiteral(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '%' || c == '_') {
                return false;
            }
        }
        return true;
    }
}
