package org.polenta.service.auth.policy;

/** Python's str() of the JSON-like values policy targets and credentials hold. */
final class PythonStrings {

    private PythonStrings() {
    }

    static String str(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return v.toString();
    }
}
