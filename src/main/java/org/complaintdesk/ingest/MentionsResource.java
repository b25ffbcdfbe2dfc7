package org.complaintdesk.ingest;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.jersey.params.IntParam;
import io.dropwizard.jersey.params.LongParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.complaintdesk.auth.Role;
import org.complaintdesk.common.Page;
import org.complaintdesk.common.QueryParams;
import org.complaintdesk.keywords.Keyword;
import org.complaintdesk.keywords.KeywordService;

@Path("/api/mentions")
@Produces(MediaType.APPLICATION_JSON)
public class MentionsResource {
  private final MentionService mentions;
  private final KeywordService keywords;
  private final SentimentDetails sentimentDetails;

  /** The full sentiment result of a mention (sentences, evidence), or null if not scored yet. */
  @FunctionalInterface
  public interface SentimentDetails {
    Object forMention(long mentionId);
  }

  public MentionsResource(
      MentionService mentions, KeywordService keywords, SentimentDetails sentimentDetails) {
    this.mentions = mentions;
    this.keywords = keywords;
    this.sentimentDetails = sentimentDetails;
  }

  /** A mention with its full sentiment result. */
  public record MentionDetail(Mention mention, Object sentiment) {}

  @GET
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME, Role.MARKETER_NAME})
  public Page<Mention> list(
      @QueryParam("flagged") String flagged,
      @QueryParam("network") String network,
      @QueryParam("keyword") String keyword,
      @QueryParam("language") String language,
      @QueryParam("since") String since,
      @QueryParam("limit") @DefaultValue("50") IntParam limit,
      @QueryParam("offset") @DefaultValue("0") IntParam offset) {
    var filter =
        new MentionFilter(
            QueryParams.bool("flagged", flagged),
            QueryParams.network(network),
            keywordId(keyword),
            QueryParams.language(language),
            QueryParams.instant("since", since));
    return mentions.list(
        filter,
        QueryParams.bounded("limit", limit.get(), 1, 500),
        QueryParams.bounded("offset", offset.get(), 0, 1_000_000));
  }

  @GET
  @Path("/{id}")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME, Role.MARKETER_NAME})
  public MentionDetail get(@PathParam("id") LongParam id) {
    Mention m =
        mentions
            .find(id.get())
            .orElseThrow(() -> new NotFoundException("mention " + id.get() + " not found"));
    return new MentionDetail(m, sentimentDetails.forMention(m.id()));
  }

  /** A keyword filter may name the keyword by id or by its term. */
  private Long keywordId(String keyword) {
    if (keyword == null || keyword.isBlank()) {
      return null;
    }
    String k = keyword.trim();
    return keywords.list().stream()
        .filter(kw -> String.valueOf(kw.id()).equals(k) || kw.term().equalsIgnoreCase(k))
        .map(Keyword::id)
        .findFirst()
        .orElseThrow(
            () -> new jakarta.ws.rs.BadRequestException("unknown keyword '" + keyword + "'"));
  }
}
