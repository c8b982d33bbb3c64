package io.backupverify.engine.audit;

import java.util.Optional;

/**
 * An ordinary least-squares line y = intercept + slope * x, with its coefficient of determination r².
 *
 * @param points how many points it was fitted to
 * @param r2     1 for a perfect fit, 0 when the line explains nothing; 1 when every y is the same
 */
public record LinearFit(int points, double slope, double intercept, double r2) {
    /** The fit, or empty with fewer than two points or when every x is the same. */
    public static Optional<LinearFit> of(double[] x, double[] y) {
        int n = Math.min(x.length, y.length);
        if (n < 2) {
            return Optional.empty();
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return Optional.of(new LinearFit(n, slope, intercept, r2));
    }

    public double at(double x) {
        return intercept + slope * x;
    }

    /** The x at which the line reaches y; NaN when it never does (flat line). */
    public double whenReaches(double y) {
        return slope == 0 ? Double.NaN : (y - intercept) / slope;
    }

    /** good (r² ≥ 0.9), fair (≥ 0.6) or poor. */
    public String quality() {
        return r2 >= 0.9 ? "good" : r2 >= 0.6 ? "fair" : "poor";
    }
}
