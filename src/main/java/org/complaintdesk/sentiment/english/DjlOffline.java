package org.complaintdesk.sentiment.english;

/**
 * Keeps DJL, the library under the encoder's tokenizer, from reaching the network. Each time a
 * tokenizer is created it calls AWS's instance-metadata address and, on EC2, a telemetry URL; and
 * on a platform whose native library is not in the jar it would download one. A self-hosted tool
 * that reads customers' posts must do neither, so both are switched off through DJL's documented
 * switches ({@code OPT_OUT_TRACKING}, {@code ai.djl.offline}) unless the operator set them.
 */
public final class DjlOffline {
  static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";
  static final String OFFLINE = "ai.djl.offline";

  private DjlOffline() {}

  /** Call before the first tokenizer is created. */
  public static void apply() {
    setUnlessGiven(OPT_OUT_TRACKING);
    setUnlessGiven(OFFLINE);
  }

  private static void setUnlessGiven(String key) {
    if (System.getProperty(key) == null && System.getenv(key) == null) {
      System.setProperty(key, "true");
    }
  }
}
