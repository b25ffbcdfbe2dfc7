package org.complaintdesk.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {
  private static Keyword kw(long id, String term) {
    return new Keyword(id, term, null, true, Instant.EPOCH);
  }

  private final KeywordMatcher matcher =
      new KeywordMatcher(List.of(kw(1, "Kite"), kw(2, "@CrumbAndCo"), kw(3, "Crumb&Co")));

  @Test
  void matchesWholeTermsIgnoringCase() {
    assertThat(matcher.firstMatch("my KITE app is down")).map(Keyword::id).contains(1L);
    assertThat(matcher.firstMatch("kite.")).map(Keyword::id).contains(1L);
    assertThat(matcher.firstMatch("thanks @crumbandco!")).map(Keyword::id).contains(2L);
    assertThat(matcher.firstMatch("Crumb&Co was late")).map(Keyword::id).contains(3L);
    assertThat(matcher.firstMatch("@NimbusAir خدمة Kite سيئة")).map(Keyword::id).contains(1L);
  }

  @Test
  void doesNotMatchInsideOtherWords() {
    assertThat(matcher.firstMatch("kitesurfing today")).isEmpty();
    assertThat(matcher.firstMatch("skite")).isEmpty();
    assertThat(matcher.firstMatch(null)).isEmpty();
    assertThat(new KeywordMatcher(List.of()).firstMatch("Kite")).isEmpty();
  }
}
