package org.complaintdesk.sla;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(SlaDao.CalendarRow.class)
@RegisterConstructorMapper(SlaDao.PolicyRow.class)
interface SlaDao {
  record CalendarRow(long id, String name, String zone, String week, String holidays) {}

  record PolicyRow(
      long id,
      String name,
      int position,
      Double minPriority,
      String networks,
      String teamIds,
      Long firstResponseMs,
      Long nextResponseMs,
      Long resolutionMs,
      Long calendarId,
      int warnPercent,
      String actions) {}

  @SqlQuery("SELECT id, name, zone, week, holidays FROM sla_calendars ORDER BY id")
  List<CalendarRow> calendars();

  @SqlQuery(
      """
      INSERT INTO sla_calendars (name, zone, week, holidays) VALUES (:name, :zone, :week, :holidays)
      RETURNING id
      """)
  long insertCalendar(
      @Bind("name") String name,
      @Bind("zone") String zone,
      @Bind("week") String week,
      @Bind("holidays") String holidays);

  @SqlUpdate(
      "UPDATE sla_calendars SET name = :name, zone = :zone, week = :week, holidays = :holidays WHERE id = :id")
  int updateCalendar(
      @Bind("id") long id,
      @Bind("name") String name,
      @Bind("zone") String zone,
      @Bind("week") String week,
      @Bind("holidays") String holidays);

  @SqlQuery(
      """
      SELECT id, name, position, min_priority, networks, team_ids, first_response_ms,
        next_response_ms, resolution_ms, calendar_id, warn_percent, actions
      FROM sla_policies ORDER BY position, id
      """)
  List<PolicyRow> policies();

  @SqlQuery(
      """
      INSERT INTO sla_policies (name, position, min_priority, networks, team_ids,
        first_response_ms, next_response_ms, resolution_ms, calendar_id, warn_percent, actions)
      VALUES (:name, :position, :minPriority, :networks, :teamIds, :firstResponseMs,
        :nextResponseMs, :resolutionMs, :calendarId, :warnPercent, :actions)
      RETURNING id
      """)
  long insertPolicy(@BindMethods PolicyRow row);

  @SqlUpdate(
      """
      UPDATE sla_policies SET name = :name, position = :position, min_priority = :minPriority,
        networks = :networks, team_ids = :teamIds, first_response_ms = :firstResponseMs,
        next_response_ms = :nextResponseMs, resolution_ms = :resolutionMs,
        calendar_id = :calendarId, warn_percent = :warnPercent, actions = :actions
      WHERE id = :id
      """)
  int updatePolicy(@BindMethods PolicyRow row);

  @SqlQuery("SELECT name FROM sla_policies WHERE calendar_id = :id ORDER BY name")
  List<String> policiesUsingCalendar(@Bind("id") long id);

  @SqlUpdate("DELETE FROM sla_calendars WHERE id = :id")
  int deleteCalendar(@Bind("id") long id);

  @SqlUpdate("DELETE FROM sla_policies WHERE id = :id")
  int deletePolicy(@Bind("id") long id);
}
