package org.complaintdesk.ingest;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Encrypted credential overrides of sources (ciphertext only; see {@link SourceCredentials}). */
@RegisterConstructorMapper(CredentialDao.Row.class)
interface CredentialDao {
  record Row(String sourceName, String field, String ciphertext) {}

  @SqlQuery("SELECT source_name, field, ciphertext FROM source_credentials ORDER BY source_name")
  List<Row> all();

  @SqlUpdate(
      """
      INSERT INTO source_credentials (source_name, field, ciphertext, updated_at, updated_by)
      VALUES (:name, :field, :ciphertext, :now, :by)
      ON CONFLICT (source_name, field) DO UPDATE SET ciphertext = :ciphertext,
        updated_at = :now, updated_by = :by
      """)
  void upsert(
      @Bind("name") String name,
      @Bind("field") String field,
      @Bind("ciphertext") String ciphertext,
      @Bind("now") Instant now,
      @Bind("by") String by);
}
