package org.complaintdesk.trends;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.dropwizard.jersey.params.IntParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;
import org.complaintdesk.common.Network;
import org.complaintdesk.common.QueryParams;
import org.complaintdesk.reports.ResponseTimeReport;

@Path("/api/trends")
@Produces({MediaType.APPLICATION_JSON, Csv.TEXT_CSV})
public class TrendsResource {
  static final Duration DEFAULT_RANGE = Duration.ofDays(30);
  static final Duration DEFAULT_PHRASE_RANGE = Duration.ofDays(7);
  private final TrendService trends;
  private final PhraseService phrases;
  private final Clock clock;

  private final ResponseTimeService responseTimes;

  public TrendsResource(
      TrendService trends, PhraseService phrases, ResponseTimeService responseTimes, Clock clock) {
    this.trends = trends;
    this.phrases = phrases;
    this.responseTimes = responseTimes;
    this.clock = clock;
  }

  /**
   * Response times (first_response, next_response or resolved) by team, responder or network, over
   * time: p50/p90/p95 in wall-clock and business time and % within SLA, each cell computed by the
   * routing feature's report from its events (the same numbers as /api/reports/response-times).
   */
  @GET
  @Path("/response-times")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.MARKETER_NAME})
  public Response responseTimes(
      @Auth User user,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("metric") @DefaultValue("first_response") String metric,
      @QueryParam("bucket") @DefaultValue("none") String bucket,
      @QueryParam("tz") @DefaultValue("UTC") String tz,
      @QueryParam("groupBy") @DefaultValue("none") String groupBy,
      @QueryParam("network") String network,
      @QueryParam("format") String format,
      @Context HttpHeaders headers) {
    Range range = Range.parse(from, to, clock, DEFAULT_RANGE);
    Network net = QueryParams.network(network);
    String b = QueryParams.oneOf("bucket", bucket, Set.of("none", "hour", "day", "week"));
    var report =
        responseTimes.report(
            new ResponseTimeService.Query(
                QueryParams.oneOf("metric", metric, Set.copyOf(ResponseTimeReport.METRICS)),
                range.from(),
                range.to(),
                b.equals("none") ? null : Bucket.valueOf(b.toUpperCase(Locale.ROOT)),
                zone(tz),
                QueryParams.oneOf("groupBy", groupBy, Set.copyOf(ResponseTimeService.GROUPS)),
                net));
    if (!Csv.wanted(format, headers)) {
      return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }
    List<List<Object>> rows = new ArrayList<>();
    for (var g : report.groups()) {
      rows.add(csvRow(report.metric(), g, null, null, g.total()));
      for (var p : g.points()) {
        rows.add(csvRow(report.metric(), g, p.start().toString(), p.localStart(), p.stats()));
      }
    }
    return Csv.response(
        "response-times.csv",
        List.of(
            "metric",
            "group",
            "name",
            "bucket_start",
            "local_start",
            "count",
            "p50_ms",
            "p90_ms",
            "p95_ms",
            "business_p50_ms",
            "business_p90_ms",
            "business_p95_ms",
            "with_sla_target",
            "within_sla_percent"),
        rows);
  }

  /** One CSV line; bucket_start empty = the group's whole-range total. */
  private static List<Object> csvRow(
      String metric,
      ResponseTimeTrend.Group g,
      String start,
      String localStart,
      ResponseTimeReport.Result r) {
    List<Object> row = new ArrayList<>();
    row.addAll(List.of(metric, g.group(), g.name()));
    row.add(start);
    row.add(localStart);
    row.add(r.count());
    row.add(r.wallClock().p50Ms());
    row.add(r.wallClock().p90Ms());
    row.add(r.wallClock().p95Ms());
    row.add(r.businessTime().p50Ms());
    row.add(r.businessTime().p90Ms());
    row.add(r.businessTime().p95Ms());
    row.add(r.withSlaTarget());
    row.add(r.withinSlaPercent());
    return row;
  }

  /** Top complaint phrases (model evidence and two-word topics) with example mentions. */
  @GET
  @Path("/phrases")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.MARKETER_NAME})
  public Response phrases(
      @Auth User user,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("keyword") List<String> keywordIds,
      @QueryParam("brand") String brand,
      @QueryParam("network") String network,
      @QueryParam("language") String language,
      @QueryParam("limit") @DefaultValue("20") IntParam limit,
      @QueryParam("examples") @DefaultValue("3") IntParam examples,
      @QueryParam("format") String format,
      @Context HttpHeaders headers) {
    Range range = Range.parse(from, to, clock, DEFAULT_PHRASE_RANGE);
    Network net = QueryParams.network(network);
    var report =
        phrases.top(
            range.from(),
            range.to(),
            new PhraseService.Filter(
                ids(keywordIds),
                brand == null || brand.isBlank() ? null : brand.trim(),
                net == null ? null : net.key(),
                QueryParams.language(language)),
            QueryParams.bounded("limit", limit.get(), 1, 200),
            QueryParams.bounded("examples", examples.get(), 0, 20));
    if (!Csv.wanted(format, headers)) {
      return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }
    List<List<Object>> rows = new ArrayList<>();
    for (var p : report.phrases()) {
      rows.add(
          List.of(
              p.phrase(),
              p.source(),
              p.mentions(),
              String.join(
                  " ", p.examples().stream().map(e -> Long.toString(e.mentionId())).toList())));
    }
    return Csv.response(
        "phrases.csv", List.of("phrase", "source", "mentions", "example_mention_ids"), rows);
  }

  @GET
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.MARKETER_NAME})
  public Response trends(
      @Auth User user,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("bucket") @DefaultValue("day") String bucket,
      @QueryParam("tz") @DefaultValue("UTC") String tz,
      @QueryParam("keyword") List<String> keywordIds,
      @QueryParam("brand") String brand,
      @QueryParam("network") String network,
      @QueryParam("language") String language,
      @QueryParam("groupBy") @DefaultValue("none") String groupBy,
      @QueryParam("format") String format,
      @Context HttpHeaders headers) {
    Range range = Range.parse(from, to, clock, DEFAULT_RANGE);
    Network net = QueryParams.network(network);
    var query =
        new TrendQuery(
            range.from(),
            range.to(),
            Bucket.valueOf(
                QueryParams.oneOf("bucket", bucket, Set.of("hour", "day", "week"))
                    .toUpperCase(Locale.ROOT)),
            zone(tz),
            ids(keywordIds),
            brand == null || brand.isBlank() ? null : brand.trim(),
            net == null ? null : net.key(),
            QueryParams.language(language),
            QueryParams.oneOf(
                "groupBy", groupBy, Set.of("none", "keyword", "brand", "network", "language")));
    TrendReport report = trends.trends(query);
    if (!Csv.wanted(format, headers)) {
      return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }
    List<String> header = new ArrayList<>(List.of("group", "name", "bucket_start", "local_start"));
    header.addAll(List.of("volume", "detractors", "detractor_share", "share_of_voice"));
    header.addAll(report.labels());
    List<List<Object>> rows = new ArrayList<>();
    for (var s : report.series()) {
      for (var p : s.points()) {
        List<Object> row = new ArrayList<>();
        row.addAll(List.of(s.group(), s.name(), p.start().toString(), p.localStart()));
        row.addAll(List.of(p.volume(), p.detractors(), p.detractorShare(), p.shareOfVoice()));
        report.labels().forEach(l -> row.add(p.byLabel().getOrDefault(l, 0L)));
        rows.add(row);
      }
    }
    return Csv.response("trends.csv", header, rows);
  }

  static ZoneId zone(String tz) {
    try {
      return ZoneId.of(tz.trim());
    } catch (DateTimeException e) {
      throw new BadRequestException(
          "tz must be an IANA time zone such as Europe/Berlin or UTC, not '" + tz + "'");
    }
  }

  static List<Long> ids(List<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    List<Long> ids = new ArrayList<>();
    for (String v : values) {
      for (String part : v.split(",")) {
        try {
          ids.add(Long.parseLong(part.trim()));
        } catch (NumberFormatException e) {
          throw new BadRequestException("keyword must be a keyword id, not '" + part + "'");
        }
      }
    }
    return ids;
  }
}
