package org.complaintdesk.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTranslatorTest {
  static final KeywordQuery Q =
      KeywordQuery.parse("(NimbusAir OR \"Nimbus Air\") -job lang:en -from:NimbusAir");

  @Test
  void xGetsNearlyTheSameSyntaxWithoutRetweets() {
    assertThat(QueryTranslator.x(List.of(Q)))
        .isEqualTo("(NimbusAir OR \"Nimbus Air\") -job lang:en -from:NimbusAir -is:retweet");
    assertThat(QueryTranslator.x(List.of(KeywordQuery.parse("a OR b"))))
        .isEqualTo("(a OR b) -is:retweet");
    assertThat(
            QueryTranslator.x(
                List.of(KeywordQuery.parse("Crumb&Co"), KeywordQuery.parse("#crumbfail"))))
        .isEqualTo("(\"Crumb&Co\") OR (#crumbfail) -is:retweet");
  }

  @Test
  void blueskyHasNoOrSoEachAlternativeIsASearch() {
    assertThat(QueryTranslator.bluesky(List.of(Q))).containsExactly("NimbusAir", "\"Nimbus Air\"");
  }

  @Test
  void mastodonSearchHasNoOrEither() {
    assertThat(QueryTranslator.mastodonSearches(List.of(Q)))
        .containsExactly("NimbusAir", "\"Nimbus Air\"");
  }

  @Test
  void redditUsesNotAndAuthor() {
    assertThat(QueryTranslator.reddit(List.of(Q)))
        .isEqualTo("(NimbusAir OR \"Nimbus Air\") NOT job NOT author:NimbusAir");
  }

  @Test
  void mastodonFollowsHashtagsOrElseSingleWordTerms() {
    assertThat(
            QueryTranslator.mastodonHashtags(
                List.of(KeywordQuery.parse("#NimbusFail OR NimbusAir"))))
        .containsExactly("nimbusfail");
    assertThat(QueryTranslator.mastodonHashtags(List.of(Q))).containsExactly("nimbusair");
  }
}
