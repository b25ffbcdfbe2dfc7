package org.complaintdesk.routing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(RoutingDao.TeamRow.class)
@RegisterConstructorMapper(RoutingDao.ProfileRow.class)
@RegisterConstructorMapper(RoutingRule.class)
@RegisterConstructorMapper(RoutingDao.LogRow.class)
@RegisterConstructorMapper(RoutingDao.ViewerRow.class)
@RegisterConstructorMapper(RoutingDao.MemberRow.class)
interface RoutingDao {
  record TeamRow(
      long id,
      String name,
      String strategy,
      String backlogOrder,
      Long rrLastUserId,
      Long managerId) {}

  record ProfileRow(
      long userId,
      int capacity,
      String skills,
      String availability,
      Instant lastHeartbeatAt,
      Instant lastAssignedAt) {}

  record LogRow(
      long id,
      long caseId,
      Instant decidedAt,
      Long ruleId,
      Long teamId,
      Long chosenUserId,
      String outcome,
      String detail) {}

  record ViewerRow(long userId, Instant seenAt) {}

  /** A team member with their profile (null columns: no profile yet). */
  record MemberRow(
      long userId,
      Integer capacity,
      String skills,
      String availability,
      Instant lastHeartbeatAt,
      Instant lastAssignedAt) {}

  /** One decision-log row (batched writes). */
  record NewLogRow(
      long caseId,
      Instant at,
      Long ruleId,
      Long teamId,
      Long chosenUserId,
      String outcome,
      String detail) {}

  @SqlQuery(
      """
      SELECT m.user_id, p.capacity, p.skills, p.availability, p.last_heartbeat_at,
        p.last_assigned_at
      FROM team_members m LEFT JOIN responder_profiles p ON p.user_id = m.user_id
      WHERE m.team_id = :id ORDER BY m.user_id
      """)
  List<MemberRow> membersWithProfiles(@Bind("id") long teamId);

  @SqlBatch(
      """
      INSERT INTO assignment_log (case_id, decided_at, rule_id, team_id, chosen_user_id, outcome, detail)
      VALUES (:caseId, :at, :ruleId, :teamId, :chosenUserId, :outcome, :detail)
      """)
  void logAll(@BindMethods List<NewLogRow> rows);

  @SqlBatch("UPDATE responder_profiles SET last_assigned_at = :now WHERE user_id = :userId")
  void assignedAll(@Bind("userId") List<Long> userIds, @Bind("now") Instant now);

  @SqlQuery(
      "SELECT id, name, strategy, backlog_order, rr_last_user_id, manager_id FROM teams ORDER BY id")
  List<TeamRow> teams();

  @SqlQuery(
      "SELECT id, name, strategy, backlog_order, rr_last_user_id, manager_id FROM teams WHERE id = :id")
  Optional<TeamRow> team(@Bind("id") long id);

  @SqlQuery(
      """
      INSERT INTO teams (name, strategy, backlog_order, manager_id, created_at)
      VALUES (:name, :strategy, :backlogOrder, :managerId, :now) RETURNING id
      """)
  long insertTeam(
      @Bind("name") String name,
      @Bind("strategy") String strategy,
      @Bind("backlogOrder") String backlogOrder,
      @Bind("managerId") Long managerId,
      @Bind("now") Instant now);

  @SqlUpdate(
      "UPDATE teams SET name = :name, strategy = :strategy, backlog_order = :backlogOrder, manager_id = :managerId WHERE id = :id")
  int updateTeam(
      @Bind("id") long id,
      @Bind("name") String name,
      @Bind("strategy") String strategy,
      @Bind("backlogOrder") String backlogOrder,
      @Bind("managerId") Long managerId);

  @SqlUpdate("UPDATE teams SET rr_last_user_id = :userId WHERE id = :id")
  void setRoundRobin(@Bind("id") long teamId, @Bind("userId") long userId);

  @SqlQuery("SELECT user_id FROM team_members WHERE team_id = :id ORDER BY user_id")
  List<Long> members(@Bind("id") long teamId);

  @SqlUpdate(
      "INSERT INTO team_members (team_id, user_id) VALUES (:teamId, :userId) ON CONFLICT DO NOTHING")
  void addMember(@Bind("teamId") long teamId, @Bind("userId") long userId);

  @SqlUpdate("DELETE FROM team_members WHERE team_id = :teamId AND user_id = :userId")
  int removeMember(@Bind("teamId") long teamId, @Bind("userId") long userId);

  @SqlQuery("SELECT team_id FROM team_members WHERE user_id = :userId ORDER BY team_id")
  List<Long> teamsOf(@Bind("userId") long userId);

  @SqlQuery(
      "SELECT user_id, capacity, skills, availability, last_heartbeat_at, last_assigned_at FROM responder_profiles")
  List<ProfileRow> profiles();

  @SqlQuery(
      "SELECT user_id, capacity, skills, availability, last_heartbeat_at, last_assigned_at FROM responder_profiles WHERE user_id = :id")
  Optional<ProfileRow> profile(@Bind("id") long userId);

  @SqlUpdate(
      """
      INSERT INTO responder_profiles (user_id, capacity, skills, availability)
      VALUES (:userId, :capacity, '', 'offline') ON CONFLICT (user_id) DO NOTHING
      """)
  void ensureProfile(@Bind("userId") long userId, @Bind("capacity") int capacity);

  @SqlUpdate(
      "UPDATE responder_profiles SET capacity = :capacity, skills = :skills WHERE user_id = :userId")
  void updateProfile(
      @Bind("userId") long userId, @Bind("capacity") int capacity, @Bind("skills") String skills);

  @SqlUpdate(
      "UPDATE responder_profiles SET availability = :availability, last_heartbeat_at = :now WHERE user_id = :userId")
  void heartbeat(
      @Bind("userId") long userId,
      @Bind("availability") String availability,
      @Bind("now") Instant now);

  @SqlUpdate("UPDATE responder_profiles SET last_assigned_at = :now WHERE user_id = :userId")
  void assigned(@Bind("userId") long userId, @Bind("now") Instant now);

  @SqlQuery(
      """
      SELECT id, position, name, keyword, brand, network, language, min_priority, detractor, team_id
      FROM routing_rules ORDER BY position, id
      """)
  List<RoutingRule> rules();

  @SqlQuery(
      """
      INSERT INTO routing_rules (position, name, keyword, brand, network, language, min_priority,
        detractor, team_id, created_at)
      VALUES (:position, :name, :keyword, :brand, :network, :language, :minPriority, :detractor,
        :teamId, :now) RETURNING id
      """)
  long insertRule(@BindMethods RoutingRule rule, @Bind("now") Instant now);

  @SqlUpdate(
      """
      UPDATE routing_rules SET position = :position, name = :name, keyword = :keyword,
        brand = :brand, network = :network, language = :language, min_priority = :minPriority,
        detractor = :detractor, team_id = :teamId
      WHERE id = :id
      """)
  int updateRule(@BindMethods RoutingRule rule);

  @SqlUpdate("DELETE FROM routing_rules WHERE id = :id")
  int deleteRule(@Bind("id") long id);

  @SqlUpdate(
      """
      INSERT INTO assignment_log (case_id, decided_at, rule_id, team_id, chosen_user_id, outcome, detail)
      VALUES (:caseId, :at, :ruleId, :teamId, :chosenUserId, :outcome, :detail)
      """)
  void log(
      @Bind("caseId") long caseId,
      @Bind("at") Instant at,
      @Bind("ruleId") Long ruleId,
      @Bind("teamId") Long teamId,
      @Bind("chosenUserId") Long chosenUserId,
      @Bind("outcome") String outcome,
      @Bind("detail") String detail);

  @SqlQuery(
      """
      SELECT id, case_id, decided_at, rule_id, team_id, chosen_user_id, outcome, detail
      FROM assignment_log WHERE case_id = :caseId ORDER BY id
      """)
  List<LogRow> logFor(@Bind("caseId") long caseId);

  @SqlUpdate(
      """
      INSERT INTO case_viewers (case_id, user_id, seen_at) VALUES (:caseId, :userId, :now)
      ON CONFLICT (case_id, user_id) DO UPDATE SET seen_at = :now
      """)
  void viewing(@Bind("caseId") long caseId, @Bind("userId") long userId, @Bind("now") Instant now);

  @SqlQuery(
      "SELECT user_id, seen_at FROM case_viewers WHERE case_id = :caseId AND seen_at >= :since ORDER BY user_id")
  List<ViewerRow> viewers(@Bind("caseId") long caseId, @Bind("since") Instant since);

  @SqlUpdate("DELETE FROM case_viewers WHERE case_id = :caseId AND user_id = :userId")
  void stopViewing(@Bind("caseId") long caseId, @Bind("userId") long userId);
}
