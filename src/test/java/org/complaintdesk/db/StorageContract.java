package org.complaintdesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.complaintdesk.auth.AuthConfiguration;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;
import org.complaintdesk.cases.Case;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.common.Network;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.ingest.FetchResult;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.ingest.IngestService;
import org.complaintdesk.ingest.Mention;
import org.complaintdesk.ingest.MentionFilter;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.SentimentService;
import org.complaintdesk.testing.MutableClock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage behaviour every database must show, run against real SQLite and real PostgreSQL
 * through the services (and so through the DAOs and the migrations).
 */
abstract class StorageContract {
  static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

  MutableClock clock;
  KeywordService keywords;
  IngestService ingest;
  MentionService mentions;
  AuthService auth;
  CaseService cases;
  SentimentService sentiment;
  long sourceId;

  abstract Jdbi jdbi();

  @BeforeEach
  void wire() {
    clock = new MutableClock(T0);
    Jdbi jdbi = jdbi();
    keywords = new KeywordService(jdbi, clock);
    keywords.add("Acme", "acme");
    ingest = new IngestService(jdbi, keywords, clock);
    mentions = new MentionService(jdbi);
    var authConfig = new AuthConfiguration();
    authConfig.bcryptCost = 4;
    auth = new AuthService(jdbi, clock, authConfig);
    cases = new CaseService(jdbi, mentions, auth, new EventLog(jdbi), clock);
    sentiment =
        new SentimentService(
            jdbi, mentions, io.dropwizard.jackson.Jackson.newObjectMapper(), clock);
    sourceId = ingest.registerSource("fake", Network.MASTODON, "Acme", true).id();
  }

  static IncomingMention post(String id, String author, String text) {
    return new IncomingMention(
        Network.MASTODON, id, author, author, 10L, text, null, null, T0, "{\"id\":\"" + id + "\"}");
  }

  @Test
  void repeatedFetchesNeverDuplicateAMentionAndTheCursorMoves() {
    var batch =
        new FetchResult(
            List.of(post("1", "ann", "Acme lost my parcel"), post("2", "bob", "hello Acme")), "c1");
    assertThat(ingest.ingest(sourceId, batch).stored()).isEqualTo(2);
    var again = ingest.ingest(sourceId, new FetchResult(batch.mentions(), "c2"));
    assertThat(again.stored()).isZero();
    assertThat(again.duplicates()).isEqualTo(2);
    assertThat(mentions.count()).isEqualTo(2);
    assertThat(ingest.source(sourceId).orElseThrow().cursor()).isEqualTo("c2");
    assertThat(ingest.source(sourceId).orElseThrow().itemsFetched()).isEqualTo(4);
  }

  @Test
  void postsMatchingNoKeywordAreNotStored() {
    var result =
        ingest.ingest(sourceId, new FetchResult(List.of(post("9", "cy", "nothing to see")), "c"));
    assertThat(result.unmatched()).isEqualTo(1);
    assertThat(mentions.count()).isZero();
  }

  @Test
  void multilingualTextSurvivesTheRoundTrip() {
    String text = "Acme 😡 خدمة سيئة جداً — сервис ужасный — κακή εξυπηρέτηση — خیلی بد";
    ingest.ingest(sourceId, new FetchResult(List.of(post("u1", "dana", text)), null));
    Mention m = mentions.list(MentionFilter.none(), 10, 0).items().get(0);
    assertThat(m.text()).isEqualTo(text);
    assertThat(m.network()).isEqualTo(Network.MASTODON);
    assertThat(m.postedAt()).isEqualTo(T0);
    assertThat(m.sentimentStatus()).isEqualTo("pending");
  }

  @Test
  void sentimentIsStoredAndFiltersWork() {
    ingest.ingest(
        sourceId,
        new FetchResult(
            List.of(post("a", "ann", "Acme is awful"), post("b", "bob", "Acme ok")), null));
    Mention angry = mentions.pendingSentiment(Set.of(), 10).get(0);
    var result =
        new SentimentResult(
            "scored",
            "negative",
            -0.8,
            0.9,
            true,
            false,
            0.9,
            "en",
            List.of(),
            List.of(new SentimentResult.Evidence("awful", "negative phrase", 0.9)),
            "test",
            null);
    sentiment.save(angry.id(), result);
    assertThat(mentions.pendingSentiment(Set.of(), 10)).hasSize(1);
    var flagged = mentions.list(new MentionFilter(true, null, null, null, null), 10, 0);
    assertThat(flagged.items()).extracting(Mention::externalId).containsExactly("a");
    assertThat(mentions.list(new MentionFilter(null, null, null, "en", null), 10, 0).items())
        .hasSize(1);
    assertThat(mentions.list(new MentionFilter(null, Network.X, null, null, null), 10, 0).items())
        .isEmpty();
    var stored = sentiment.find(angry.id()).orElseThrow().result();
    assertThat(stored.evidence())
        .extracting(SentimentResult.Evidence::text)
        .containsExactly("awful");
    assertThat(stored.detractor()).isTrue();
  }

  @Test
  void oneOpenCasePerAuthorEvenUnderConcurrency() throws Exception {
    List<IncomingMention> posts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      posts.add(post("m" + i, "eve", "Acme broke it again #" + i));
    }
    ingest.ingest(sourceId, new FetchResult(posts, null));
    List<Mention> stored = mentions.pendingSentiment(Set.of(), 100);
    var pool = Executors.newFixedThreadPool(4);
    List<Callable<Case>> tasks = new ArrayList<>();
    for (Mention m : stored) {
      tasks.add(() -> cases.openOrJoin(m, 0.8));
    }
    Set<Long> caseIds = new java.util.HashSet<>();
    for (var f : pool.invokeAll(tasks)) {
      caseIds.add(f.get().id());
    }
    pool.shutdown();
    assertThat(caseIds).hasSize(1);
    assertThat(cases.mentionsOf(caseIds.iterator().next())).hasSize(8);
  }

  @Test
  void firstResponseAndResolutionTimesAreMeasuredFromThePostTime() {
    ingest.ingest(sourceId, new FetchResult(List.of(post("x", "fay", "Acme refund??")), null));
    Mention m = mentions.pendingSentiment(Set.of(), 1).get(0);
    clock.advance(Duration.ofMinutes(2)); // noticed and scored two minutes after the post
    Case c = cases.openOrJoin(m, 0.7);
    User responder =
        auth.createUser("rita", "password-123", List.of(Role.RESPONDER), List.of("en"));
    cases.assign(c.id(), "rita", responder);
    clock.advance(Duration.ofMinutes(3));
    Case replied = cases.recordReplySent(c.id(), clock.instant(), "rita");
    assertThat(replied.firstResponseMs()).isEqualTo(Duration.ofMinutes(5).toMillis());
    clock.advance(Duration.ofHours(1));
    cases.recordReplySent(c.id(), clock.instant(), "rita");
    Case resolved = cases.resolve(c.id(), responder);
    assertThat(resolved.firstResponseMs()).isEqualTo(300_000);
    assertThat(resolved.resolutionMs()).isEqualTo(Duration.ofMinutes(65).toMillis());
    assertThatThrownBy(() -> cases.resolve(c.id(), responder))
        .hasMessageContaining("already resolved");
    // A new complaint after resolution opens a new case.
    ingest.ingest(sourceId, new FetchResult(List.of(post("y", "fay", "Acme again!")), null));
    Mention again = mentions.pendingSentiment(Set.of(), 1).get(0);
    assertThat(cases.openOrJoin(again, 0.9).id()).isNotEqualTo(c.id());
  }

  @Test
  void passwordsAreHashedAndTokensWorkUntilRevoked() {
    auth.createUser("sam", "correct-horse", List.of(Role.ADMIN, Role.MARKETER), List.of());
    assertThat(auth.login("sam", "wrong-horse")).isEmpty();
    assertThat(auth.login("nobody", "correct-horse")).isEmpty();
    String token = auth.login("sam", "correct-horse").orElseThrow();
    User sam = auth.authenticate(token).orElseThrow();
    assertThat(sam.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.MARKETER);
    clock.advance(Duration.ofHours(13)); // past the 12 h session lifetime
    assertThat(auth.authenticate(token)).isEmpty();
    String apiToken = auth.createApiToken(sam.id(), "ci");
    clock.advance(Duration.ofDays(400));
    assertThat(auth.authenticate(apiToken)).isPresent();
    auth.logout(apiToken);
    assertThat(auth.authenticate(apiToken)).isEmpty();
  }

  @Test
  void keywordsAreUniqueIgnoringCaseAndCanBeRetired() {
    assertThatThrownBy(() -> keywords.add(" ACME ", null)).hasMessageContaining("already watched");
    long id = keywords.add("Acme Bank", "acme").id();
    keywords.remove(id);
    assertThat(keywords.active()).extracting(k -> k.term()).containsExactly("Acme");
    assertThat(keywords.add("Acme Bank", null).id()).isNotEqualTo(id);
  }
}
