package org.complaintdesk.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.complaintdesk.common.Network;
import org.jdbi.v3.core.Jdbi;

/**
 * SLA calendars and policies (stored, edited by admins, re-read on every change) and the questions
 * the rest of the app asks: which policy applies to this case, when is it due, how much counted
 * time passed. Policies are re-selected whenever a case changes, so raising a case's priority or
 * moving it to another team changes its SLA (Chatwoot #10178 cannot).
 */
public class SlaService {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbi jdbi;
  private final ZoneId defaultZone;
  private volatile Snapshot snapshot;

  record Snapshot(List<SlaPolicy> policies, Map<Long, BusinessCalendar> calendars) {}

  public SlaService(Jdbi jdbi, ZoneId defaultZone) {
    this.jdbi = jdbi;
    this.defaultZone = defaultZone;
  }

  /** A policy chosen for a case and its due times. */
  public record Plan(SlaPolicy policy, BusinessCalendar calendar, SlaClocks.DueTimes due) {
    public Long policyId() {
      return policy == null ? null : policy.id();
    }
  }

  /** Counted time and whether it met the target (null when no target applies). */
  public record Measure(long wallMs, long countedMs, Boolean met) {}

  public enum Target {
    FIRST_RESPONSE,
    NEXT_RESPONSE,
    RESOLUTION
  }

  public Plan plan(SlaPolicy.CaseFacts facts, SlaClocks.Facts clocks) {
    Snapshot s = snapshot();
    Optional<SlaPolicy> policy = PolicySelector.select(s.policies(), facts);
    if (policy.isEmpty()) {
      return new Plan(null, BusinessCalendar.always(defaultZone), SlaClocks.DueTimes.NONE);
    }
    BusinessCalendar cal = calendarOf(s, policy.get());
    return new Plan(policy.get(), cal, SlaClocks.due(policy.get(), cal, clocks));
  }

  public Measure measure(
      SlaPolicy.CaseFacts facts,
      Target target,
      Instant from,
      Instant to,
      List<SlaTimer.Pause> pauses) {
    Snapshot s = snapshot();
    Optional<SlaPolicy> policy = PolicySelector.select(s.policies(), facts);
    BusinessCalendar cal =
        policy.map(p -> calendarOf(s, p)).orElse(BusinessCalendar.always(defaultZone));
    long wall = Duration.between(from, to).toMillis();
    long counted = SlaTimer.elapsed(cal, from, to, pauses).toMillis();
    Duration goal =
        policy
            .map(
                p ->
                    switch (target) {
                      case FIRST_RESPONSE -> p.firstResponse();
                      case NEXT_RESPONSE -> p.nextResponse();
                      case RESOLUTION -> p.resolution();
                    })
            .orElse(null);
    return new Measure(wall, counted, goal == null ? null : counted <= goal.toMillis());
  }

  public Optional<SlaPolicy> policy(long id) {
    return snapshot().policies().stream().filter(p -> p.id() == id).findFirst();
  }

  public BusinessCalendar calendarFor(SlaPolicy policy) {
    return calendarOf(snapshot(), policy);
  }

  private BusinessCalendar calendarOf(Snapshot s, SlaPolicy p) {
    if (p.calendarId() == null) {
      return BusinessCalendar.always(defaultZone);
    }
    BusinessCalendar c = s.calendars().get(p.calendarId());
    return c == null ? BusinessCalendar.always(defaultZone) : c;
  }

  // ---- admin configuration ----

  /** A calendar as the API shows it: zone, shifts per weekday as "09:00-12:00", ISO holidays. */
  public record CalendarView(
      long id,
      String name,
      String zone,
      Map<DayOfWeek, List<String>> week,
      List<LocalDate> holidays) {}

  /** An escalation step: at a warning (before breach) or at the breach itself. */
  public record Action(String kind, String when, String target) {
    public static final Set<String> KINDS =
        Set.of("reassign", "raise_priority", "notify_manager", "webhook");
    public static final Set<String> WHENS = Set.of("warning", "breach");
  }

  /** A policy as the API shows it; targets in minutes. */
  public record PolicyView(
      long id,
      String name,
      int position,
      Double minPriority,
      List<String> networks,
      List<Long> teamIds,
      Long firstResponseMinutes,
      Long nextResponseMinutes,
      Long resolutionMinutes,
      Long calendarId,
      int warnPercent,
      List<Action> actions) {}

  public List<CalendarView> calendars() {
    return jdbi.withExtension(SlaDao.class, SlaDao::calendars).stream().map(this::view).toList();
  }

  public CalendarView saveCalendar(
      Long id,
      String name,
      String zone,
      Map<DayOfWeek, List<String>> week,
      List<LocalDate> holidays) {
    BusinessCalendar parsed = parseCalendar(zone, week, holidays);
    String weekJson = write(week == null ? Map.of() : new EnumMap<>(week));
    String holidaysJson =
        write(holidays == null ? List.of() : holidays.stream().map(LocalDate::toString).toList());
    long saved =
        jdbi.withExtension(
            SlaDao.class,
            dao -> {
              if (id == null) {
                return dao.insertCalendar(name, parsed.zone().getId(), weekJson, holidaysJson);
              }
              if (dao.updateCalendar(id, name, parsed.zone().getId(), weekJson, holidaysJson)
                  == 0) {
                throw new NotFoundException("calendar " + id + " not found");
              }
              return id;
            });
    snapshot = null;
    return calendars().stream().filter(c -> c.id() == saved).findFirst().orElseThrow();
  }

  public List<PolicyView> policies() {
    return jdbi.withExtension(SlaDao.class, SlaDao::policies).stream().map(this::view).toList();
  }

  public PolicyView savePolicy(Long id, PolicyView p) {
    if (p.name() == null || p.name().isBlank()) {
      throw new ClientErrorException("a policy needs a name", 422);
    }
    if (p.firstResponseMinutes() == null
        && p.nextResponseMinutes() == null
        && p.resolutionMinutes() == null) {
      throw new ClientErrorException("a policy needs at least one target", 422);
    }
    for (Long m :
        Arrays.asList(p.firstResponseMinutes(), p.nextResponseMinutes(), p.resolutionMinutes())) {
      if (m != null && m <= 0) {
        throw new ClientErrorException("targets are positive minutes", 422);
      }
    }
    if (p.warnPercent() < 1 || p.warnPercent() > 100) {
      throw new ClientErrorException("warnPercent must be between 1 and 100", 422);
    }
    if (p.calendarId() != null && calendars().stream().noneMatch(c -> c.id() == p.calendarId())) {
      throw new ClientErrorException("unknown calendar " + p.calendarId(), 422);
    }
    List<Action> actions = p.actions() == null ? List.of() : p.actions();
    for (Action a : actions) {
      if (a == null || !Action.KINDS.contains(a.kind()) || !Action.WHENS.contains(a.when())) {
        throw new ClientErrorException(
            "an action needs kind in " + Action.KINDS + " and when in " + Action.WHENS, 422);
      }
      if ("webhook".equals(a.kind())
          && (a.target() == null || !a.target().matches("https?://.+"))) {
        throw new ClientErrorException("a webhook action needs an http(s) URL as target", 422);
      }
    }
    String networks =
        p.networks() == null
            ? null
            : p.networks().stream()
                .map(n -> Network.fromKey(n).key())
                .collect(Collectors.joining(","));
    String teams =
        p.teamIds() == null
            ? null
            : p.teamIds().stream().map(String::valueOf).collect(Collectors.joining(","));
    SlaDao.PolicyRow row =
        new SlaDao.PolicyRow(
            id == null ? 0 : id,
            p.name().trim(),
            p.position(),
            p.minPriority(),
            networks == null || networks.isEmpty() ? null : networks,
            teams == null || teams.isEmpty() ? null : teams,
            minutes(p.firstResponseMinutes()),
            minutes(p.nextResponseMinutes()),
            minutes(p.resolutionMinutes()),
            p.calendarId(),
            p.warnPercent(),
            write(actions));
    long saved =
        jdbi.withExtension(
            SlaDao.class,
            dao -> {
              if (id == null) {
                return dao.insertPolicy(row);
              }
              if (dao.updatePolicy(row) == 0) {
                throw new NotFoundException("SLA policy " + id + " not found");
              }
              return id;
            });
    snapshot = null;
    return policies().stream().filter(v -> v.id() == saved).findFirst().orElseThrow();
  }

  /**
   * Deletes a business calendar no policy uses; 409 naming the policies that still use it, so an
   * admin moves them first and no policy silently falls back to around-the-clock timing.
   */
  public void deleteCalendar(long id) {
    jdbi.useTransaction(
        h -> {
          SlaDao dao = h.attach(SlaDao.class);
          List<String> users = dao.policiesUsingCalendar(id);
          if (!users.isEmpty()) {
            throw new ClientErrorException(
                "calendar " + id + " is used by SLA policies " + String.join(", ", users), 409);
          }
          if (dao.deleteCalendar(id) == 0) {
            throw new NotFoundException("calendar " + id + " not found");
          }
        });
    snapshot = null;
  }

  public void deletePolicy(long id) {
    if (jdbi.withExtension(SlaDao.class, dao -> dao.deletePolicy(id)) == 0) {
      throw new NotFoundException("SLA policy " + id + " not found");
    }
    snapshot = null;
  }

  /** Escalation steps of a policy. */
  public List<Action> actions(long policyId) {
    return policies().stream()
        .filter(p -> p.id() == policyId)
        .findFirst()
        .map(PolicyView::actions)
        .orElse(List.of());
  }

  /** Forgets the cached configuration (another instance may have changed it). */
  public void reload() {
    snapshot = null;
  }

  private Snapshot snapshot() {
    Snapshot s = snapshot;
    if (s == null) {
      s =
          jdbi.withExtension(
              SlaDao.class,
              dao -> {
                Map<Long, BusinessCalendar> cals = new LinkedHashMap<>();
                for (SlaDao.CalendarRow c : dao.calendars()) {
                  var v = view(c);
                  cals.put(c.id(), parseCalendar(v.zone(), v.week(), v.holidays()));
                }
                List<SlaPolicy> policies =
                    dao.policies().stream().map(SlaService::toPolicy).toList();
                return new Snapshot(policies, cals);
              });
      snapshot = s;
    }
    return s;
  }

  static SlaPolicy toPolicy(SlaDao.PolicyRow r) {
    Set<Network> networks =
        r.networks() == null
            ? Set.of()
            : Arrays.stream(r.networks().split(","))
                .map(Network::fromKey)
                .collect(Collectors.toSet());
    Set<Long> teams =
        r.teamIds() == null
            ? Set.of()
            : Arrays.stream(r.teamIds().split(",")).map(Long::valueOf).collect(Collectors.toSet());
    return new SlaPolicy(
        r.id(),
        r.name(),
        r.position(),
        new SlaPolicy.Condition(r.minPriority(), networks, teams),
        dur(r.firstResponseMs()),
        dur(r.nextResponseMs()),
        dur(r.resolutionMs()),
        r.calendarId(),
        r.warnPercent());
  }

  private PolicyView view(SlaDao.PolicyRow r) {
    SlaPolicy p = toPolicy(r);
    List<Action> actions = read(r.actions(), new TypeReference<List<Action>>() {});
    return new PolicyView(
        r.id(),
        r.name(),
        r.position(),
        r.minPriority(),
        p.condition().networks().stream().map(Network::key).sorted().toList(),
        p.condition().teamIds().stream().sorted().toList(),
        r.firstResponseMs() == null ? null : r.firstResponseMs() / 60_000,
        r.nextResponseMs() == null ? null : r.nextResponseMs() / 60_000,
        r.resolutionMs() == null ? null : r.resolutionMs() / 60_000,
        r.calendarId(),
        r.warnPercent(),
        actions);
  }

  private CalendarView view(SlaDao.CalendarRow r) {
    Map<DayOfWeek, List<String>> week =
        read(r.week(), new TypeReference<EnumMap<DayOfWeek, List<String>>>() {});
    List<LocalDate> holidays =
        read(r.holidays(), new TypeReference<List<String>>() {}).stream()
            .map(LocalDate::parse)
            .toList();
    return new CalendarView(r.id(), r.name(), r.zone(), week, holidays);
  }

  static BusinessCalendar parseCalendar(
      String zone, Map<DayOfWeek, List<String>> week, List<LocalDate> holidays) {
    try {
      ZoneId z = zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone.trim());
      Map<DayOfWeek, List<BusinessCalendar.Shift>> shifts = new EnumMap<>(DayOfWeek.class);
      if (week != null) {
        week.forEach(
            (d, list) ->
                shifts.put(
                    d,
                    list == null
                        ? List.of()
                        : list.stream().map(BusinessCalendar.Shift::parse).toList()));
      }
      return BusinessCalendar.of(z, shifts, holidays == null ? Set.of() : Set.copyOf(holidays));
    } catch (java.time.DateTimeException | IllegalArgumentException e) {
      throw new ClientErrorException("invalid calendar: " + e.getMessage(), 422);
    }
  }

  private static Duration dur(Long ms) {
    return ms == null ? null : Duration.ofMillis(ms);
  }

  private static Long minutes(Long m) {
    return m == null ? null : m * 60_000;
  }

  private static String write(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored SLA configuration is not valid JSON", e);
    }
  }
}
