package org.complaintdesk.alerts;

import java.util.Arrays;

/**
 * The two spike tests. Volume: robust z-score of the current hour against the baseline hours, (x -
 * median) / (1.4826 * MAD), with the scale floored at 1 mention so a flat baseline does not make
 * every extra post a spike. Negativity: one-sample proportion z-score of the current hour's
 * negative share against the baseline's pooled share, (p - p0) / sqrt(p0 (1 - p0) / n), with p0
 * kept inside [0.01, 0.99].
 */
final class SpikeMath {
  private SpikeMath() {}

  static double median(long[] values) {
    if (values.length == 0) {
      return 0;
    }
    long[] s = values.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2.0;
  }

  /** Median absolute deviation, scaled to estimate a standard deviation for normal data. */
  static double robustSigma(long[] values, double median) {
    long[] dev = new long[values.length];
    // deviations rounded up to whole mentions keep this in integer arithmetic
    for (int i = 0; i < values.length; i++) {
      dev[i] = (long) Math.ceil(Math.abs(values[i] - median));
    }
    return Math.max(1.0, 1.4826 * median(dev));
  }

  static double volumeScore(long current, long[] baseline) {
    double med = median(baseline);
    return (current - med) / robustSigma(baseline, med);
  }

  static double negativityScore(long negative, long volume, double baselineShare) {
    if (volume == 0) {
      return 0;
    }
    double p0 = Math.min(0.99, Math.max(0.01, baselineShare));
    double p = (double) negative / volume;
    return (p - p0) / Math.sqrt(p0 * (1 - p0) / volume);
  }
}
