package org.complaintdesk.sentiment.english;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.util.Utils;
import org.complaintdesk.testing.SharedScorer;
import org.junit.jupiter.api.Test;

/** Loading the encoder leaves DJL with telemetry and downloads switched off. */
class DjlOfflineTest {
  @Test
  void theEncoderSwitchesOffDjlTelemetryAndDownloads() {
    assertThat(SharedScorer.components().encoder()).isNotNull();
    assertThat(Utils.isOfflineMode()).isTrue();
    assertThat(Boolean.parseBoolean(Utils.getEnvOrSystemProperty(DjlOffline.OPT_OUT_TRACKING)))
        .isTrue();
  }
}
