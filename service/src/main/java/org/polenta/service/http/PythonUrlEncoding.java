package org.polenta.service.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Percent-encoding exactly as Gnocchi's Python does it, so that Location and Link headers are byte-identical:
 * urllib.parse.quote (safe "/") for paths and urlencode(doseq=True) (quote_plus) for query strings.
 */
public final class PythonUrlEncoding {

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~";

    private PythonUrlEncoding() {
    }

    public static String quotePath(String s) {
        return encode(s, "/", false);
    }

    public static String quotePlus(String s) {
        return encode(s, "", true);
    }

    /** key=value pairs in the given (already sorted) order; list values repeat the key. */
    public static String urlencode(List<Map.Entry<String, List<String>>> params) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<String>> e : params) {
            for (String v : e.getValue()) {
                if (b.length() > 0) {
                    b.append('&');
                }
                b.append(quotePlus(e.getKey())).append('=').append(quotePlus(v));
            }
        }
        return b.toString();
    }

    private static String encode(String s, String safe, boolean spaceAsPlus) {
        StringBuilder b = new StringBuilder();
        for (byte raw : s.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            if (c < 128 && (UNRESERVED.indexOf(c) >= 0 || safe.indexOf(c) >= 0)) {
                b.append((char) c);
            } else if (c == ' ' && spaceAsPlus) {
                b.append('+');
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
