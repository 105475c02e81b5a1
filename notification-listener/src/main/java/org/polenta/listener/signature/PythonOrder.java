package org.polenta.listener.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** sorted() of Python str keys: by code point, which differs from String.compareTo beyond the BMP. */
final class PythonOrder {

    private PythonOrder() {
    }

    static List<String> sortedKeys(Map<?, ?> map) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            keys.add((String) key);
        }
        keys.sort(PythonOrder::compareCodePoints);
        return keys;
    }

    static int compareCodePoints(String a, String b) {
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
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
