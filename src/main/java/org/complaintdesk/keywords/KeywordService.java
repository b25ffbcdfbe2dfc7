package org.complaintdesk.keywords;

import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Watched keywords. The matcher built from the active ones decides which posts we keep. */
public class KeywordService {
  private final KeywordDao dao;
  private final Clock clock;
  private volatile KeywordMatcher matcher;

  public KeywordService(Jdbi jdbi, Clock clock) {
    this.dao = jdbi.onDemand(KeywordDao.class);
    this.clock = clock;
    refresh();
  }

  public List<Keyword> list() {
    return dao.list();
  }

  public List<Keyword> active() {
    return dao.listActive();
  }

  public Optional<Keyword> find(long id) {
    return dao.find(id);
  }

  /**
   * Adds a keyword. The term is a query ({@link QueryParser}); a bad one is a 422 naming the
   * problem and its position. A term already watched (ignoring case and spacing) is a conflict.
   */
  public Keyword add(String term, String brand) {
    String clean = term.strip().replaceAll("\\s+", " ");
    validate(clean);
    String key = key(clean);
    if (dao.findIdByKey(key).isPresent()) {
      throw new DuplicateKeywordException(clean);
    }
    long id;
    try {
      id =
          dao.insert(
              clean, key, brand == null || brand.isBlank() ? null : brand.strip(), clock.instant());
    } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
      // Lost a race with a concurrent insert of the same term.
      throw new DuplicateKeywordException(clean);
    }
    refresh();
    return dao.find(id).orElseThrow();
  }

  public void remove(long id) {
    if (dao.deactivate(id, "retired:" + id) == 0) {
      throw new NotFoundException("keyword " + id + " not found");
    }
    refresh();
  }

  /** Seeds the configured keywords on a fresh installation only (an empty keyword table). */
  public void seedIfEmpty(List<String> terms) {
    if (dao.count() == 0) {
      for (String term : terms) {
        add(term, null);
      }
    }
  }

  /** Parses a query, turning a syntax error into a 422 with its position. */
  public static KeywordQuery validate(String query) {
    try {
      return KeywordQuery.parse(query);
    } catch (QuerySyntaxException e) {
      throw new jakarta.ws.rs.ClientErrorException("invalid query: " + e.getMessage(), 422);
    }
  }

  /** The matcher over the active keywords; rebuilt whenever they change. */
  public KeywordMatcher matcher() {
    return matcher;
  }

  private void refresh() {
    matcher = new KeywordMatcher(dao.listActive());
  }

  static String key(String term) {
    return term.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** Thrown when a term is already watched. */
  public static class DuplicateKeywordException extends jakarta.ws.rs.ClientErrorException {
    public DuplicateKeywordException(String term) {
      super("keyword '" + term + "' is already watched", 409);
    }
  }
}
