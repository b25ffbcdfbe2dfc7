package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which posts teach the English complaint layer, and as what. */
class ComplaintDataTest {
  private static LabelledPost correction(String label, String language, String text) {
    return new LabelledPost("c-" + text, label, language, text, 20, LabelledPost.CORRECTION);
  }

  @Test
  void negativeCorrectionsAreComplaintsPositiveOnesAreNotAndNeutralOnesAreToneOnly() {
    List<LabelledPost> data =
        ModelTrainer.complaintData(
            List.of(
                new LabelledPost("1", "negative", null, "my order never came", 1, "complaint"),
                new LabelledPost("2", "not_negative", null, "nice day", 1, "complaint"),
                new LabelledPost("3", "negative", "en", "tweeteval post", 1, "sentiment"),
                correction("negative", "en", "the lounge is mid"),
                correction("positive", "en", "the lounge is lovely"),
                // A calm complaint whose tone a responder set to neutral is still a complaint.
                correction("neutral", "en", "still waiting for my refund"),
                correction("negative", "ar", "الخدمة سيئة")));

    assertThat(data)
        .extracting(LabelledPost::text, LabelledPost::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("my order never came", "negative"),
            org.assertj.core.groups.Tuple.tuple("nice day", "not_negative"),
            org.assertj.core.groups.Tuple.tuple("the lounge is mid", "negative"),
            org.assertj.core.groups.Tuple.tuple("the lounge is lovely", "not_negative"));
  }
}
