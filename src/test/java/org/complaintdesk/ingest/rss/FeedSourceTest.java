package org.complaintdesk.ingest.rss;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.ingest.SourceException;
import org.complaintdesk.testing.FakeNetwork;
import org.complaintdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedSourceTest {
  FakeNetwork fake;
  MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));

  @BeforeEach
  void setUp() {
    fake = new FakeNetwork();
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  FeedSource feed(String path) {
    var sc = fake.source("feed", Network.RSS);
    sc.baseUrl = fake.baseUrl() + path;
    return new FeedSource(sc, clock);
  }

  @Test
  void readsAnAlertsAtomFeedUnwrapsLinksAndStripsHighlighting() throws Exception {
    fake.server.stubFor(
        get("/alerts.atom")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/atom+xml")
                    .withHeader("ETag", "\"v1\"")
                    .withBody(FakeNetwork.fixture("rss/reviews.atom"))));
    var source = feed("/alerts.atom");

    var first = source.fetch(null);
    assertThat(first.mentions()).hasSize(3);
    IncomingMention m = first.mentions().get(0);
    assertThat(m.externalId())
        .isEqualTo("tag:google.com,2013:googlealerts/feed:12501224780620368192");
    assertThat(m.url()).isEqualTo("https://news.example/nimbusair-cancels");
    assertThat(m.text()).startsWith("NimbusAir cancels flights again").contains("cancels & delays");
    assertThat(m.authorHandle()).isEqualTo("news.example");
    assertThat(m.postedAt()).isEqualTo(Instant.parse("2026-01-01T10:30:00Z"));
    assertThat(first.mentions().get(1).text()).startsWith("شكاوى من NimbusAir");

    // The ETag comes back; an unchanged feed is a cheap 304 with no mentions.
    fake.server.stubFor(
        get("/alerts.atom")
            .withHeader("If-None-Match", equalTo("\"v1\""))
            .willReturn(aResponse().withStatus(304)));
    var second = source.fetch(first.nextCursor());
    assertThat(second.mentions()).isEmpty();
    assertThat(second.nextCursor()).isEqualTo(first.nextCursor());
  }

  @Test
  void entriesWithoutGuidAreKeyedByLinkAndNotRepeated() throws Exception {
    fake.server.stubFor(
        get("/reviews.rss").willReturn(okXml(FakeNetwork.fixture("rss/reviews.rss"))));
    var source = feed("/reviews.rss");
    var first = source.fetch(null);
    assertThat(first.mentions()).hasSize(2);
    // Rome uses the link as the id of an item without a guid.
    assertThat(first.mentions().get(0).externalId())
        .isEqualTo("https://reviews.example/voltara/r/1");
    assertThat(first.mentions().get(0).text())
        .isEqualTo(
            "1 star: Voltara charger died after a week\n\nThe Voltara charger \"Pro\" stopped working. Support? Nothing.");
    assertThat(first.mentions().get(0).language()).isEqualTo("en");
    assertThat(source.fetch(first.nextCursor()).mentions()).isEmpty();
  }

  @Test
  void aDoctypeIsRefusedNoXxe() {
    fake.server.stubFor(get("/evil.xml").willReturn(okXml(FakeNetwork.fixture("rss/doctype.xml"))));
    assertThatThrownBy(() -> feed("/evil.xml").fetch(null))
        .isInstanceOf(SourceException.Rejected.class)
        .hasMessageNotContaining("root:");
  }

  @Test
  void malformedXmlAndServerErrorsFailTheFetch() {
    fake.server.stubFor(get("/broken.xml").willReturn(okXml("<rss><channel><item><title>cut")));
    fake.server.stubFor(
        get("/down.xml")
            .willReturn(
                aResponse().withStatus(503).withHeader("Retry-After", "120").withBody("<html/>")));
    assertThatThrownBy(() -> feed("/broken.xml").fetch(null))
        .isInstanceOf(SourceException.Rejected.class);
    assertThatThrownBy(() -> feed("/down.xml").fetch(null))
        .isInstanceOf(SourceException.Transient.class);
  }

  @Test
  void longEntriesWithEmojiAndNoFeedLanguageAreKeptWhole() throws Exception {
    String longBody = "Voltara &amp; its charger 🔌😡 — ".repeat(150);
    String rss =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Reviews</title><link>https://r.example/</link>
        <description>x</description>
        <item><guid>r-42</guid><title>خدمة Voltara سيئة 😤</title>
        <link>https://r.example/42</link><description>%s</description>
        <pubDate>Thu, 01 Jan 2026 10:00:00 GMT</pubDate></item>
        </channel></rss>
        """
            .formatted(longBody);
    fake.server.stubFor(get("/long.rss").willReturn(okXml(rss.strip())));
    var result = feed("/long.rss").fetch(null);
    IncomingMention m = result.mentions().get(0);
    assertThat(m.externalId()).isEqualTo("r-42");
    assertThat(m.text()).startsWith("خدمة Voltara سيئة 😤\n\nVoltara & its charger 🔌😡");
    assertThat(m.text()).hasSizeGreaterThan(4000);
    assertThat(m.language()).isNull();
  }
}
