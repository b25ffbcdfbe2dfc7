package org.complaintdesk.replies;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(CannedReply.class)
@RegisterConstructorMapper(Note.class)
interface ReplyToolsDao {
  String CANNED =
      "SELECT id, name, language, body, auto_ack, team_id, created_at FROM canned_replies";

  @SqlQuery(CANNED + " ORDER BY name, language")
  List<CannedReply> canned();

  @SqlQuery(CANNED + " WHERE id = :id")
  Optional<CannedReply> canned(@Bind("id") long id);

  @SqlQuery(CANNED + " WHERE name = :name ORDER BY language")
  List<CannedReply> cannedNamed(@Bind("name") String name);

  @SqlQuery(CANNED + " WHERE auto_ack = :yes ORDER BY id")
  List<CannedReply> autoAcks(@Bind("yes") boolean yes);

  @SqlQuery(
      """
      INSERT INTO canned_replies (name, language, body, auto_ack, team_id, created_at)
      VALUES (:name, :language, :body, :autoAck, :teamId, :now) RETURNING id
      """)
  long insertCanned(
      @Bind("name") String name,
      @Bind("language") String language,
      @Bind("body") String body,
      @Bind("autoAck") boolean autoAck,
      @Bind("teamId") Long teamId,
      @Bind("now") Instant now);

  @SqlUpdate(
      """
      UPDATE canned_replies SET name = :name, language = :language, body = :body,
        auto_ack = :autoAck, team_id = :teamId WHERE id = :id
      """)
  int updateCanned(
      @Bind("id") long id,
      @Bind("name") String name,
      @Bind("language") String language,
      @Bind("body") String body,
      @Bind("autoAck") boolean autoAck,
      @Bind("teamId") Long teamId);

  @SqlUpdate("DELETE FROM canned_replies WHERE id = :id")
  int deleteCanned(@Bind("id") long id);

  @SqlQuery(
      """
      INSERT INTO case_notes (case_id, author_id, text, created_at)
      VALUES (:caseId, :authorId, :text, :now) RETURNING id
      """)
  long insertNote(
      @Bind("caseId") long caseId,
      @Bind("authorId") long authorId,
      @Bind("text") String text,
      @Bind("now") Instant now);

  @SqlQuery(
      """
      SELECT n.id, n.case_id, u.username AS author, n.text, n.created_at
      FROM case_notes n JOIN users u ON u.id = n.author_id WHERE n.case_id = :caseId ORDER BY n.id
      """)
  List<Note> notes(@Bind("caseId") long caseId);
}
