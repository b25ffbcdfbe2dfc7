package org.complaintdesk.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jackson.Jackson;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.complaintdesk.ingest.FetchResult;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.keywords.Keyword;
import org.complaintdesk.keywords.KeywordMatcher;
import org.complaintdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;

class DemoSourceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T12:00:00Z"));

  private DemoSource source(List<String> terms) {
    var config = new DemoConfiguration();
    config.postsPerPoll = 7;
    config.maxAgeSeconds = 0;
    var keywords =
        terms.stream().map(t -> new Keyword(t.hashCode(), t, null, true, Instant.EPOCH)).toList();
    return new DemoSource(
        config, () -> new KeywordMatcher(keywords), clock, Jackson.newObjectMapper());
  }

  @Test
  void shipsAVariedMultilingualSample() {
    List<DemoPost> posts = DemoSource.load(Jackson.newObjectMapper());
    assertThat(posts).hasSizeGreaterThanOrEqualTo(200);
    Map<String, Long> byLang =
        posts.stream().collect(Collectors.groupingBy(DemoPost::lang, Collectors.counting()));
    assertThat(byLang).containsKeys("en", "ar", "fa", "ru", "el");
    Map<String, Long> byKind =
        posts.stream().collect(Collectors.groupingBy(DemoPost::kind, Collectors.counting()));
    assertThat(byKind.get("complaint")).isGreaterThan(posts.size() / 5);
    assertThat(byKind).containsKeys("question", "praise", "noise");
    assertThat(posts.stream().map(DemoPost::brand).distinct().count()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void emitsOnlyMatchingPostsWithFreshIdsAndTimestamps() {
    DemoSource demo = source(List.of("KiteBank"));
    FetchResult first = demo.fetch(null);
    assertThat(first.mentions()).hasSize(7);
    assertThat(first.mentions()).allMatch(m -> m.text().toLowerCase().contains("kitebank"));
    assertThat(first.mentions()).allMatch(m -> m.postedAt().equals(clock.instant()));
    assertThat(first.nextCursor()).isEqualTo("7");
    Set<String> ids = new HashSet<>();
    String cursor = null;
    for (int i = 0; i < 30; i++) { // several laps of the sample
      FetchResult r = demo.fetch(cursor);
      cursor = r.nextCursor();
      r.mentions().stream().map(IncomingMention::externalId).forEach(ids::add);
    }
    assertThat(ids).hasSize(30 * 7);
  }

  @Test
  void emitsNothingWhenNoKeywordIsWatched() {
    assertThat(source(List.of()).fetch("5").mentions()).isEmpty();
    FetchResult none = source(List.of("NoSuchBrand")).fetch("5");
    assertThat(none.mentions()).isEmpty();
    assertThat(none.nextCursor()).isEqualTo("5");
  }
}
