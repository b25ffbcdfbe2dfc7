package org.complaintdesk.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.complaintdesk.auth.AuthConfiguration;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;
import org.complaintdesk.cases.Case;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.common.Network;
import org.complaintdesk.customers.CustomerService;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.ingest.FetchResult;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.ingest.IngestService;
import org.complaintdesk.ingest.Mention;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.sla.SlaService;
import org.jdbi.v3.core.Jdbi;

/** Real services over a real database, and helpers to make posts, cases and responders. */
public final class CaseFixture {
  public final Jdbi jdbi;
  public final MutableClock clock;
  public final MentionService mentions;
  public final AuthService auth;
  public final EventLog events;
  public final SlaService sla;
  public final CustomerService customers;
  public final CaseService cases;
  private final IngestService ingest;
  private final long sourceId;
  private final AtomicLong ids = new AtomicLong();

  public CaseFixture(Jdbi jdbi, Instant start, Duration reopenWindow) {
    this.jdbi = jdbi;
    this.clock = new MutableClock(start);
    var keywords = new KeywordService(jdbi, clock);
    keywords.add("Acme", "acme");
    ingest = new IngestService(jdbi, keywords, clock);
    mentions = new MentionService(jdbi);
    var authConfig = new AuthConfiguration();
    authConfig.bcryptCost = 4;
    auth = new AuthService(jdbi, clock, authConfig);
    events = new EventLog(jdbi);
    sla = new SlaService(jdbi, ZoneOffset.UTC);
    customers = new CustomerService(jdbi, events, clock);
    cases = new CaseService(jdbi, mentions, auth, events, clock, sla, customers, reopenWindow);
    sourceId = ingest.registerSource("fake", Network.MASTODON, "Acme", true).id();
  }

  /** Stores a post (it must mention Acme to be kept) and returns it. */
  public Mention post(Network network, String author, String text, Instant postedAt) {
    return post(network, author, text, postedAt, 10L);
  }

  /** A post by an author with this many followers (null: unknown). */
  public Mention post(
      Network network, String author, String text, Instant postedAt, Long followers) {
    String id = "p" + ids.incrementAndGet();
    ingest.ingest(
        sourceId,
        new FetchResult(
            List.of(
                new IncomingMention(
                    network,
                    id,
                    author,
                    author + " Name",
                    followers,
                    text,
                    "en",
                    null,
                    postedAt,
                    "{}")),
            null));
    return mentions.findByAuthor(network, author, 50).stream()
        .filter(m -> m.externalId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /** A detractor post that opens (or joins) its author's case. */
  public Case complaint(Network network, String author, Instant postedAt) {
    return cases.openOrJoin(post(network, author, "Acme lost my parcel", postedAt), 0.9);
  }

  public User responder(String name, String... languages) {
    return auth.createUser(name, "password123", Set.of(Role.RESPONDER), List.of(languages));
  }
}
