package org.polenta.core.resource.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** SQL LIKE patterns as PostgreSQL reads them: % any run, _ one character, backslash escapes the next one. */
public final class LikePatterns {

    /**
     * A search evaluates one pattern against every candidate row: compile it once. Bounded, since patterns come
     * from clients; clearing it all at once is enough for a cache that is only an optimisation.
     */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 1024;

    private LikePatterns() {
    }

    public static boolean matches(String pattern, String text) {
        Pattern regex = COMPILED.get(pattern);
        if (regex == null) {
            if (COMPILED.size() >= MAX_COMPILED) {
                COMPILED.clear();
            }
            regex = COMPILED.computeIfAbsent(pattern, LikePatterns::toRegex);
        }
        return regex.matcher(text).matches();
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
