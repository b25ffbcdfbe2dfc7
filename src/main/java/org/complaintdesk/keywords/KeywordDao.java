package org.complaintdesk.keywords;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Keyword.class)
interface KeywordDao {
  @SqlQuery(
      """
      INSERT INTO keywords (term, term_key, brand, active, created_at)
      VALUES (:term, :termKey, :brand, TRUE, :createdAt)
      RETURNING id
      """)
  long insert(
      @Bind("term") String term,
      @Bind("termKey") String termKey,
      @Bind("brand") String brand,
      @Bind("createdAt") Instant createdAt);

  @SqlQuery("SELECT id, term, brand, active, created_at FROM keywords ORDER BY id")
  List<Keyword> list();

  @SqlQuery(
      "SELECT id, term, brand, active, created_at FROM keywords WHERE active = TRUE ORDER BY id")
  List<Keyword> listActive();

  @SqlQuery("SELECT id, term, brand, active, created_at FROM keywords WHERE id = :id")
  Optional<Keyword> find(@Bind("id") long id);

  @SqlQuery("SELECT id FROM keywords WHERE term_key = :termKey")
  Optional<Long> findIdByKey(@Bind("termKey") String termKey);

  @SqlQuery("SELECT COUNT(*) FROM keywords")
  long count();

  /** Keywords are deactivated, not deleted, so mentions keep pointing at what matched them. */
  @SqlUpdate(
      "UPDATE keywords SET active = FALSE, term_key = :retiredKey WHERE id = :id AND active = TRUE")
  int deactivate(@Bind("id") long id, @Bind("retiredKey") String retiredKey);
}
