package dev.gradstep.numeric;

import java.util.Arrays;

/**
 * An immutable vector of doubles. Records hold these instead of arrays so they stay immutable
 * without copying a million-entry result on every access.
 */
public final class RealVector {
    private final double[] values;

    private RealVector(double[] values) {
        this.values = values;
    }

    /** A vector holding a copy of the given values. */
    public static RealVector of(double... values) {
        return new RealVector(values.clone());
    }

    /** Takes ownership without copying: only for arrays nobody else holds. */
    static RealVector wrap(double[] values) {
        return new RealVector(values);
    }

    public int size() {
        return values.length;
    }

    public double get(int i) {
        return values[i];
    }

    /** A fresh copy of the values. */
    public double[] toArray() {
        return values.clone();
    }

    /** Read access for this package's loops, which must not copy. */
    double[] raw() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RealVector other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        if (values.length <= 10) {
            return Arrays.toString(values);
        }
        return "[" + values[0] + ", " + values[1] + ", ... (" + values.length + " values)]";
    }
}
