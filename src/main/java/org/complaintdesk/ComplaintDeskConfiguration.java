package org.complaintdesk;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.complaintdesk.alerts.AlertsConfiguration;
import org.complaintdesk.auth.AuthConfiguration;
import org.complaintdesk.ingest.IngestConfiguration;
import org.complaintdesk.ingest.SourceConfiguration;
import org.complaintdesk.ingest.demo.DemoConfiguration;
import org.complaintdesk.keywords.KeywordsConfiguration;
import org.complaintdesk.replies.RepliesConfiguration;
import org.complaintdesk.routing.RoutingConfiguration;
import org.complaintdesk.sentiment.SentimentConfiguration;

/** The whole configuration tree; every section is validated at boot. */
public class ComplaintDeskConfiguration extends Configuration {

  /** JDBC settings. SQLite by default; point {@code url} at PostgreSQL for multi-instance use. */
  @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();

  /** Apply pending schema migrations when the server starts (otherwise run {@code db migrate}). */
  private boolean migrateOnStartup = true;

  @Valid @NotNull private SentimentConfiguration sentiment = new SentimentConfiguration();

  @Valid @NotNull private DemoConfiguration demo = new DemoConfiguration();

  @Valid @NotNull private KeywordsConfiguration keywords = new KeywordsConfiguration();

  @Valid @NotNull private RepliesConfiguration replies = new RepliesConfiguration();

  @Valid @NotNull private AuthConfiguration auth = new AuthConfiguration();

  @Valid @NotNull private AlertsConfiguration alerts = new AlertsConfiguration();

  @JsonProperty
  public AlertsConfiguration getAlerts() {
    return alerts;
  }

  @JsonProperty
  public void setAlerts(AlertsConfiguration alerts) {
    this.alerts = alerts;
  }

  /** Real channels: one poller (or webhook) per entry; the demo source is configured above. */
  @Valid @NotNull private List<SourceConfiguration> sources = new ArrayList<>();

  @Valid @NotNull private RoutingConfiguration routing = new RoutingConfiguration();

  @JsonProperty
  public RoutingConfiguration getRouting() {
    return routing;
  }

  @JsonProperty
  public void setRouting(RoutingConfiguration routing) {
    this.routing = routing;
  }

  @JsonProperty
  public DataSourceFactory getDatabase() {
    return database;
  }

  @JsonProperty
  public void setDatabase(DataSourceFactory database) {
    this.database = database;
  }

  @JsonProperty
  public boolean isMigrateOnStartup() {
    return migrateOnStartup;
  }

  @JsonProperty
  public void setMigrateOnStartup(boolean migrateOnStartup) {
    this.migrateOnStartup = migrateOnStartup;
  }

  @JsonProperty
  public SentimentConfiguration getSentiment() {
    return sentiment;
  }

  @JsonProperty
  public void setSentiment(SentimentConfiguration sentiment) {
    this.sentiment = sentiment;
  }

  @JsonProperty
  public DemoConfiguration getDemo() {
    return demo;
  }

  @JsonProperty
  public void setDemo(DemoConfiguration demo) {
    this.demo = demo;
  }

  @JsonProperty
  public KeywordsConfiguration getKeywords() {
    return keywords;
  }

  @JsonProperty
  public void setKeywords(KeywordsConfiguration keywords) {
    this.keywords = keywords;
  }

  @JsonProperty
  public RepliesConfiguration getReplies() {
    return replies;
  }

  @JsonProperty
  public void setReplies(RepliesConfiguration replies) {
    this.replies = replies;
  }

  @JsonProperty
  public AuthConfiguration getAuth() {
    return auth;
  }

  @JsonProperty
  public void setAuth(AuthConfiguration auth) {
    this.auth = auth;
  }

  /** Settings shared by every source: the pollers' thread budget, the credentials key. */
  @Valid @NotNull private IngestConfiguration ingest = new IngestConfiguration();

  @JsonProperty
  public IngestConfiguration getIngest() {
    return ingest;
  }

  @JsonProperty
  public void setIngest(IngestConfiguration ingest) {
    this.ingest = ingest;
  }

  @JsonProperty
  public List<SourceConfiguration> getSources() {
    return sources;
  }

  @JsonProperty
  public void setSources(List<SourceConfiguration> sources) {
    this.sources = sources;
  }
}
