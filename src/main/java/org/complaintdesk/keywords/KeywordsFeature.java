package org.complaintdesk.keywords;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.audit.AuditLog;
import org.jdbi.v3.core.Jdbi;

public final class KeywordsFeature {
  private KeywordsFeature() {}

  public static KeywordService register(
      Environment environment,
      Jdbi jdbi,
      ComplaintDeskConfiguration config,
      AuditLog audit,
      Clock clock) {
    var service = new KeywordService(jdbi, clock);
    service.seedIfEmpty(config.getKeywords().seed);
    environment.jersey().register(new KeywordsResource(service, audit));
    return service;
  }
}
