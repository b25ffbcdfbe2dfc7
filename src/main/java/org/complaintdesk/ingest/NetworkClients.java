package org.complaintdesk.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.complaintdesk.ingest.mastodon.MastodonClient;
import org.complaintdesk.keywords.KeywordQuery;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.keywords.QueryTranslator;
import org.complaintdesk.replies.ReplySender;

/**
 * Builds the network client of a source (its fetcher and, where the network allows, its reply
 * sender). The remote query is translated from the keywords each time, so a keyword added over the
 * API is searched from the next poll on.
 */
final class NetworkClients {
  private final ObjectMapper json;
  private final KeywordService keywords;
  private final Clock clock;

  NetworkClients(ObjectMapper json, KeywordService keywords, Clock clock) {
    this.json = json;
    this.keywords = keywords;
    this.clock = clock;
  }

  private List<KeywordQuery> queries(SourceConfiguration sc) {
    return keywords.matcher().queries(sc.keywordIds);
  }

  MentionSource mentionSource(SourceConfiguration sc) {
    return switch (sc.network) {
      case MASTODON -> mastodon(sc);
      case RSS -> new org.complaintdesk.ingest.rss.FeedSource(sc, clock);
      case X ->
          new org.complaintdesk.ingest.x.XClient(
              sc, () -> QueryTranslator.x(queries(sc)), json, clock);
      case BLUESKY ->
          new org.complaintdesk.ingest.bluesky.BlueskyClient(
              sc, () -> QueryTranslator.bluesky(queries(sc)), json, clock);
      case REDDIT ->
          new org.complaintdesk.ingest.reddit.RedditClient(
              sc, () -> QueryTranslator.reddit(queries(sc)), json, clock);
      default ->
          throw new IllegalArgumentException(
              sc + ": the " + sc.network.key() + " client is not available in this build");
    };
  }

  Optional<ReplySender> replySender(SourceConfiguration sc, MentionSource fetcher) {
    return fetcher instanceof ReplySender sender ? Optional.of(sender) : Optional.empty();
  }

  private MastodonClient mastodon(SourceConfiguration sc) {
    return new MastodonClient(
        sc,
        () ->
            sc.hashtags.isEmpty()
                ? QueryTranslator.mastodonHashtags(queries(sc))
                : List.copyOf(sc.hashtags),
        () -> QueryTranslator.mastodonSearches(queries(sc)),
        json,
        clock);
  }
}
