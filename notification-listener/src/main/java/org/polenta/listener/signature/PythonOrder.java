package org.polenta.listener.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polenta.core.text.PythonStrings;

/** sorted() of Python str keys: by code point, which differs from String.compareTo beyond the BMP. */
final class PythonOrder {

    private PythonOrder() {
    }

    static List<String> sortedKeys(Map<?, ?> map) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            keys.add((String) key);
        }
        keys.sort(PythonStrings::compareCodePoints);
        return keys;
    }
}
