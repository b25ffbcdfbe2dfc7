package org.complaintdesk.alerts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.complaintdesk.common.Page;
import org.complaintdesk.keywords.Keyword;
import org.complaintdesk.keywords.KeywordService;
import org.jdbi.v3.core.Jdbi;

/** Alert history, newest first. */
public class AlertService {
  private final AlertDao dao;
  private final KeywordService keywords;
  private final ObjectMapper json;

  public AlertService(Jdbi jdbi, KeywordService keywords, ObjectMapper json) {
    this.dao = jdbi.onDemand(AlertDao.class);
    this.keywords = keywords;
    this.json = json;
  }

  record Details(List<Alert.Post> posts, List<String> phrases) {}

  public Page<Alert> list(int limit, int offset) {
    Map<Long, Keyword> byId = new HashMap<>();
    keywords.list().forEach(k -> byId.put(k.id(), k));
    List<Alert> alerts =
        dao.list(limit + 1, offset).stream()
            .map(
                r -> {
                  Details d = read(r.details(), new TypeReference<Details>() {});
                  Map<String, String> delivery = read(r.delivery(), new TypeReference<>() {});
                  Keyword k = byId.get(r.keywordId());
                  return new Alert(
                      r.id(),
                      r.kind(),
                      r.keywordId(),
                      k == null ? "keyword " + r.keywordId() : k.term(),
                      r.network().isEmpty() ? null : r.network(),
                      r.bucketStart(),
                      r.firedAt(),
                      r.observed(),
                      r.expected(),
                      r.score(),
                      r.volume(),
                      r.message(),
                      d == null || d.posts() == null ? List.of() : d.posts(),
                      d == null || d.phrases() == null ? List.of() : d.phrases(),
                      delivery == null ? Map.of() : delivery);
                })
            .toList();
    return Page.of(alerts, limit, offset);
  }

  private <T> T read(String text, TypeReference<T> type) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return json.readValue(text, type);
    } catch (IOException e) {
      return null;
    }
  }
}
