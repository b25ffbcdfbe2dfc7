package org.complaintdesk.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.complaintdesk.common.Network;

/**
 * One configured source under {@code sources:}. Credentials are read from the environment in
 * config.yml ({@code ${CD_MASTODON_TOKEN:-}}) or set (encrypted at rest) with {@code PUT
 * /api/sources/{name}/credentials}; they are never logged or returned by the API. The credential
 * fields are volatile because such a write replaces them while the source's poller runs.
 */
public class SourceConfiguration {
  /** Unique name; also the {@code {source}} of the inbound webhook URL. */
  @JsonProperty
  @NotNull
  @Pattern(
      regexp = "[a-z0-9][a-z0-9_-]{0,62}",
      message = "must be lower-case letters, digits, - or _")
  public String name;

  @JsonProperty @NotNull public Network network;

  @JsonProperty public boolean enabled = true;

  /**
   * Keyword ids whose queries this source searches for; empty means every active keyword. Every
   * fetched post is still re-checked locally against all active keywords before it is stored.
   */
  @JsonProperty @NotNull public List<Long> keywordIds = new ArrayList<>();

  /** Mastodon: hashtags to follow (without '#'); empty = the hashtags found in the queries. */
  @JsonProperty @NotNull public List<String> hashtags = new ArrayList<>();

  /** Reddit: subreddits to search (without 'r/'); empty = site-wide search. */
  @JsonProperty @NotNull public List<String> subreddits = new ArrayList<>();

  /** RSS/Atom: the feed URL. Other networks: the API base URL (production by default). */
  @JsonProperty public String baseUrl;

  /** Time between polls (on the shared pool of {@code ingest.pollerThreads}). */
  @JsonProperty @NotNull public Duration interval = Duration.seconds(60);

  /** At most this many pages per poll; the rest waits for the next poll. */
  @JsonProperty
  @Min(1)
  @Max(1000)
  public int maxPagesPerPoll = 10;

  @JsonProperty
  @Min(1)
  @Max(100)
  public int pageSize = 40;

  @JsonProperty @NotNull public Duration connectTimeout = Duration.seconds(5);
  @JsonProperty @NotNull public Duration readTimeout = Duration.seconds(15);

  /** After a 401/403 the source is marked unhealthy and polled again only after this long. */
  @JsonProperty @NotNull public Duration authRetryInterval = Duration.minutes(30);

  /** Reddit: where OAuth tokens come from (the API itself is {@code baseUrl}). */
  @JsonProperty public String authUrl = "https://www.reddit.com";

  /** Bearer/access token (Mastodon, X; Reddit: a user token, needed for replies). */
  @JsonProperty public volatile String token;

  /**
   * X: OAuth 1.0a user context (posting replies; v1.1 search). The bearer {@code token} searches
   * v2.
   */
  @JsonProperty public volatile String consumerKey;

  @JsonProperty public volatile String consumerSecret;
  @JsonProperty public volatile String accessToken;
  @JsonProperty public volatile String accessTokenSecret;

  /** Bluesky handle / Reddit app id. */
  @JsonProperty public String username;

  /** Bluesky app password / Reddit secret. */
  @JsonProperty public volatile String password;

  /** Reddit wants a descriptive User-Agent. */
  @JsonProperty public String userAgent = "complaint-desk/0.1";

  /** Inbound webhook: HMAC-SHA256 key for the X-Signature-256 header. */
  @JsonProperty public volatile String webhookSecret;

  /** X only: "v2" (recent search) or "v1.1" (legacy search/tweets for accounts that have it). */
  @JsonProperty
  @Pattern(regexp = "v2|v1\\.1")
  public String xApi = "v2";

  @Override
  public String toString() {
    // Never print the credentials.
    return "source " + name + " (" + (network == null ? "?" : network.key()) + ")";
  }
}
