package org.polenta.core.time;

/**
 * Public face of Python's repr(float) for other packages (resource filters quote values in messages the way
 * Python's str() does). Additive: the implementation stays in {@link PythonFloatText}.
 */
public final class PythonFloatRepr {

    private PythonFloatRepr() {
    }

    public static String of(double value) {
        return PythonFloatText.repr(value);
    }
}
