package dev.gradstep.numeric;

/** Just enough complex arithmetic for the complex-step derivative. */
public record Complex(double re, double im) {

    public Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    public Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    public Complex times(double k) {
        return new Complex(re * k, im * k);
    }

    public Complex exp() {
        double magnitude = Math.exp(re);
        if (Math.abs(im) < 0x1p-27) {
            // Below 2^-27, cos(im) rounds to 1 and sin(im) to im: skip the trigonometry (the complex step lives here).
            return new Complex(magnitude, magnitude * im);
        }
        return new Complex(magnitude * Math.cos(im), magnitude * Math.sin(im));
    }

    /** log(1 + this), accurate when this is small: the imaginary part keeps full relative precision. */
    public Complex log1p() {
        double onePlusRe = 1.0 + re;
        if (onePlusRe > 0) {
            double ratio = im / onePlusRe;
            return new Complex(Math.log1p(re) + 0.5 * Math.log1p(ratio * ratio), Math.atan2(im, onePlusRe));
        }
        return new Complex(Math.log(Math.hypot(onePlusRe, im)), Math.atan2(im, onePlusRe));
    }
}
