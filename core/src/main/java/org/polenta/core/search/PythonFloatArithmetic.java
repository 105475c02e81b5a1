package org.polenta.core.search;

import org.polenta.core.errors.InvalidInputException;

/**
 * Python's float operators where they differ from Java's: division and modulo by zero raise, modulo takes the
 * divisor's sign, and pow has CPython's special cases and errors. Where Python would produce a complex number
 * or raise (Gnocchi then answers 500), this raises an {@link InvalidInputException} with Python's message.
 */
final class PythonFloatArithmetic {

    private PythonFloatArithmetic() {
    }

    static double divide(double a, double b) {
        if (b == 0) {
            throw new InvalidInputException("float division by zero");
        }
        return a / b;
    }

    static double modulo(double a, double b) {
        if (b == 0) {
            throw new InvalidInputException("float modulo");
        }
        double mod = a % b;
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
            }
        } else {
            mod = Math.copySign(0.0, b);
        }
        return mod;
    }

    static double power(double base, double exponent) {
        if (exponent == 0) {
            return 1.0;
        }
        if (Double.isNaN(base)) {
            return base;
        }
        if (Double.isNaN(exponent)) {
            return base == 1.0 ? 1.0 : exponent;
        }
        if (Double.isInfinite(exponent)) {
            double magnitude = Math.abs(base);
            if (magnitude == 1.0) {
                return 1.0;
            }
            return (exponent > 0) == (magnitude > 1.0) ? Double.POSITIVE_INFINITY : 0.0;
        }
        if (Double.isInfinite(base)) {
            return Math.pow(base, exponent);
        }
        if (base == 0) {
            if (exponent < 0) {
                throw new InvalidInputException("0.0 cannot be raised to a negative power");
            }
            return Math.pow(base, exponent);
        }
        if (base < 0 && exponent != Math.floor(exponent)) {
            throw new InvalidInputException("Negative number cannot be raised to a fractional power");
        }
        double result = Math.pow(base, exponent);
        if (Double.isInfinite(result)) {
            throw new InvalidInputException("(34, 'Numerical result out of range')");
        }
        return result;
    }
}
