package org.complaintdesk.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;
import org.complaintdesk.cases.Case;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.ingest.Mention;
import org.complaintdesk.keywords.Keyword;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.routing.AssignmentEngine.Candidate;
import org.complaintdesk.routing.AssignmentEngine.Strategy;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Routes cases to teams by ordered rules and assigns them to responders by the team's strategy,
 * recording every decision. New cases are routed as they open; a team's backlog is assigned
 * whenever capacity may have freed up (a case resolved or unassigned, a responder came online) and
 * on every scheduler tick.
 *
 * <p>Assignment decisions are serialised by a database lock (an advisory lock on PostgreSQL, the
 * write lock on SQLite), so capacity is never overrun by two concurrent decisions, in this JVM or
 * in another instance; the case update itself is a conditional claim, so a responder who claims a
 * case by hand meanwhile always keeps it.
 */
public class RoutingService implements CaseService.CaseListener {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String ACTOR = "routing";

  private final Jdbi jdbi;
  private final CaseService cases;
  private final AuthService users;
  private final KeywordService keywords;
  private final Clock clock;
  private final RoutingConfiguration config;

  public RoutingService(
      Jdbi jdbi,
      CaseService cases,
      AuthService users,
      KeywordService keywords,
      RoutingConfiguration config,
      Clock clock) {
    this.jdbi = jdbi;
    this.cases = cases;
    this.users = users;
    this.keywords = keywords;
    this.config = config;
    this.clock = clock;
  }

  // ---- views ----

  public record Team(
      long id,
      String name,
      String strategy,
      String backlogOrder,
      String manager,
      List<String> members) {}

  public record Responder(
      long userId,
      String username,
      List<String> languages,
      List<String> skills,
      int capacity,
      int openCases,
      String availability,
      Instant lastHeartbeatAt,
      List<Long> teamIds) {}

  public record LogEntry(
      long id,
      Instant decidedAt,
      String outcome,
      Long ruleId,
      String rule,
      Long teamId,
      String team,
      String chosen,
      List<AssignmentEngine.Considered> candidates,
      String note) {}

  public record Viewer(String username, Instant seenAt) {}

  // ---- case events ----

  @Override
  public void onCaseChanged(Case c, String eventType) {
    switch (eventType) {
      case EventLog.CASE_OPENED, EventLog.REOPENED -> {
        if (c.assigneeId() == null) {
          route(c.id());
        }
      }
      case EventLog.RESOLVED, EventLog.UNASSIGNED -> {
        if (c.teamId() != null) {
          assignBacklog(c.teamId());
        }
        if (EventLog.RESOLVED.equals(eventType) && c.assigneeId() != null) {
          teamsOf(c.assigneeId()).forEach(this::assignBacklog);
        }
      }
      default -> {}
    }
  }

  /** Picks the team by the first matching rule, then tries to assign. */
  public Case route(long caseId) {
    Case c = cases.get(caseId);
    List<Mention> posts = cases.mentionsOf(caseId);
    Mention first = posts.isEmpty() ? null : posts.get(0);
    Keyword keyword =
        first == null || first.keywordId() == null
            ? null
            : keywords.find(first.keywordId()).orElse(null);
    var facts =
        new RoutingRule.Facts(
            keyword == null ? null : keyword.term(),
            keyword == null ? null : keyword.brand(),
            c.network(),
            c.language(),
            c.priority(),
            posts.stream().anyMatch(Mention::detractor) || posts.isEmpty() || c.priority() > 0);
    var dao = jdbi.onDemand(RoutingDao.class);
    Optional<RoutingRule> rule = dao.rules().stream().filter(r -> r.matches(facts)).findFirst();
    if (rule.isEmpty()) {
      dao.log(
          caseId,
          clock.instant(),
          null,
          null,
          null,
          "no_rule",
          json(Map.of("note", "no routing rule matched; left in the general queue")));
      return c;
    }
    long teamId = rule.get().teamId();
    cases.setTeam(caseId, teamId);
    jdbi.useTransaction(
        h -> {
          lockRouting(h);
          var tx = h.attach(RoutingDao.class);
          var team = tx.team(teamId);
          Optional<Case> now = cases.find(h, caseId);
          if (team.isEmpty() || now.isEmpty()) {
            return;
          }
          if (now.get().assigneeId() != null || now.get().isResolved()) {
            tx.log(
                caseId,
                clock.instant(),
                rule.get().id(),
                teamId,
                null,
                "taken",
                json(Map.of("note", "case was claimed or resolved meanwhile")));
            return;
          }
          assign(h, tx, team.get(), List.of(now.get()), rule.get());
        });
    return cases.get(caseId);
  }

  /**
   * Assigns a team's queued cases while anyone has room, in the team's backlog order, a page at a
   * time. Each page is one transaction holding the routing lock (see {@link #lockRouting}): the
   * candidates, their loads and the customers' earlier responders are read once per page, the
   * decisions are made in memory, and the claims, events, SLA refreshes and decision-log rows are
   * written as batches. Per case it is still a conditional claim, so a hand claim meanwhile wins.
   */
  public int assignBacklog(long teamId) {
    int assigned = 0;
    while (true) {
      PageOutcome page = jdbi.inTransaction(h -> backlogPage(h, teamId));
      assigned += page.assigned();
      if (!page.more()) {
        return assigned;
      }
    }
  }

  /** Cases per backlog transaction: large enough to amortise the reads, short enough a lock. */
  static final int PAGE = 1000;

  private record PageOutcome(int assigned, boolean more) {}

  private PageOutcome backlogPage(Handle h, long teamId) {
    lockRouting(h);
    var dao = h.attach(RoutingDao.class);
    var team = dao.team(teamId);
    if (team.isEmpty()) {
      return new PageOutcome(0, false);
    }
    List<Case> queue =
        cases.queued(h, teamId, "priority_first".equals(team.get().backlogOrder()), PAGE);
    if (queue.isEmpty()) {
      return new PageOutcome(0, false);
    }
    var outcome = assign(h, dao, team.get(), queue, null);
    return new PageOutcome(outcome.assigned(), !outcome.stopped() && queue.size() == PAGE);
  }

  /** Backlog of every team (scheduler tick). */
  public int assignAllBacklogs() {
    int n = 0;
    for (var t : jdbi.onDemand(RoutingDao.class).teams()) {
      n += assignBacklog(t.id());
    }
    return n;
  }

  /**
   * Serialises assignment decisions across every instance sharing the database, so two passes never
   * both give a responder their last free slot. PostgreSQL: a transaction-scoped advisory lock.
   * SQLite: transactions begin IMMEDIATE (DatabaseSetup); the no-op write makes sure this one holds
   * the database's write lock before it reads the loads, whatever the connection's mode.
   */
  private void lockRouting(Handle h) {
    if (isPostgres(h)) {
      h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS l")
          .bind("key", LOCK_KEY)
          .mapTo(Integer.class)
          .one();
    } else {
      h.execute("UPDATE teams SET rr_last_user_id = rr_last_user_id WHERE id < 0");
    }
  }

  /** Arbitrary constant naming the routing lock among PostgreSQL advisory locks. */
  private static final long LOCK_KEY = 0x526f7574696e67L; // "Routing"

  private volatile Boolean postgres;

  private boolean isPostgres(Handle h) {
    if (postgres == null) {
      try {
        postgres =
            h.getConnection()
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("cannot tell the database product", e);
      }
    }
    return postgres;
  }

  private record PassOutcome(int assigned, boolean stopped) {}

  /**
   * Decides in memory, in queue order, then writes: batched conditional claims (a case claimed by
   * hand meanwhile is logged "taken"), one decision-log row per case, the responders' last
   * assignment time and the round-robin position. Stops at the first case nobody has room for: the
   * rest waits, in order. Runs inside the caller's transaction, which holds the routing lock.
   */
  private PassOutcome assign(
      Handle h, RoutingDao dao, RoutingDao.TeamRow team, List<Case> queue, RoutingRule rule) {
    List<Candidate> candidates = candidates(dao, team.id(), cases.openCountsByAssignee(h));
    Map<Long, Integer> position = new java.util.HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      position.put(candidates.get(i).userId(), i);
    }
    Map<Long, Set<Long>> handled = cases.previousAssignees(h, queue);
    Strategy strategy = Strategy.fromKey(team.strategy());
    String brand = rule == null ? null : rule.brand();
    Long ruleId = rule == null ? null : rule.id();
    Instant now = clock.instant();
    Long last = team.rrLastUserId();
    List<CaseService.Assignment> batch = new ArrayList<>();
    List<Map<String, Object>> details = new ArrayList<>();
    List<RoutingDao.NewLogRow> log = new ArrayList<>();
    boolean stopped = false;
    for (Case c : queue) {
      var decision =
          AssignmentEngine.choose(
              strategy, last, candidates, c.language(), handled.get(c.id()), brand);
      Map<String, Object> detail = new java.util.LinkedHashMap<>();
      detail.put("strategy", decision.strategy());
      detail.put("candidates", decision.considered());
      if (rule != null) {
        detail.put("rule", rule.name());
      }
      if (decision.chosen().isEmpty()) {
        detail.put(
            "note",
            candidates.isEmpty()
                ? "team has no members"
                : "nobody available with spare capacity; queued");
        log.add(
            new RoutingDao.NewLogRow(c.id(), now, ruleId, team.id(), null, "queued", json(detail)));
        stopped = true;
        break;
      }
      Candidate chosen = decision.chosen().get();
      batch.add(new CaseService.Assignment(c, chosen.userId()));
      details.add(detail);
      last = chosen.userId();
      // The load grows in memory; the nanosecond offsets keep "longest since last assignment"
      // meaningful between decisions made in the same millisecond.
      candidates.set(
          position.get(chosen.userId()),
          new Candidate(
              chosen.userId(),
              chosen.username(),
              chosen.languages(),
              chosen.skills(),
              chosen.availability(),
              chosen.capacity(),
              chosen.openCases() + 1,
              now.plusNanos(batch.size())));
    }
    Set<Long> done = cases.assignAllIfUnassigned(h, batch, ACTOR);
    List<RoutingDao.NewLogRow> written = new ArrayList<>();
    Set<Long> chosenUsers = new LinkedHashSet<>();
    Long lastAssigned = null;
    for (int i = 0; i < batch.size(); i++) {
      var a = batch.get(i);
      Map<String, Object> detail = details.get(i);
      if (done.contains(a.caseId())) {
        written.add(
            new RoutingDao.NewLogRow(
                a.caseId(), now, ruleId, team.id(), a.responderId(), "assigned", json(detail)));
        chosenUsers.add(a.responderId());
        lastAssigned = a.responderId();
      } else {
        detail.put("note", "case was claimed or resolved meanwhile");
        written.add(
            new RoutingDao.NewLogRow(
                a.caseId(), now, ruleId, team.id(), null, "taken", json(detail)));
      }
    }
    written.addAll(log);
    dao.logAll(written);
    if (!chosenUsers.isEmpty()) {
      dao.assignedAll(List.copyOf(chosenUsers), now);
    }
    if (lastAssigned != null && strategy == Strategy.ROUND_ROBIN) {
      dao.setRoundRobin(team.id(), lastAssigned);
    }
    return new PassOutcome(done.size(), stopped);
  }

  private List<Candidate> candidates(RoutingDao dao, long teamId, Map<Long, Integer> open) {
    Map<Long, User> users =
        this.users.listUsers().stream().collect(Collectors.toMap(User::id, u -> u, (a, b) -> a));
    List<Candidate> out = new ArrayList<>(); // mutable: assign() updates loads in place
    for (var m : dao.membersWithProfiles(teamId)) {
      User user = users.get(m.userId());
      if (user == null || !user.has(Role.RESPONDER)) {
        continue;
      }
      var p =
          m.capacity() == null
              ? profile(dao, m.userId())
              : new RoutingDao.ProfileRow(
                  m.userId(),
                  m.capacity(),
                  m.skills(),
                  m.availability(),
                  m.lastHeartbeatAt(),
                  m.lastAssignedAt());
      out.add(
          new Candidate(
              m.userId(),
              user.username(),
              user.languages(),
              skills(p.skills()),
              availability(p),
              p.capacity(),
              open.getOrDefault(m.userId(), 0),
              p.lastAssignedAt()));
    }
    return out;
  }

  private RoutingDao.ProfileRow profile(RoutingDao dao, long userId) {
    dao.ensureProfile(userId, config.defaultCapacity);
    return dao.profile(userId).orElseThrow();
  }

  /** Effective availability: a responder whose UI stopped sending heartbeats is offline. */
  String availability(RoutingDao.ProfileRow p) {
    Duration timeout = config.heartbeatTimeout.toJavaDuration();
    if (p.lastHeartbeatAt() == null
        || p.lastHeartbeatAt().plus(timeout).isBefore(clock.instant())) {
      return "offline";
    }
    return p.availability();
  }

  private static Set<String> skills(String csv) {
    return csv == null || csv.isBlank()
        ? Set.of()
        : Arrays.stream(csv.split(","))
            .map(s -> s.trim().toLowerCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
  }

  private List<Long> teamsOf(long userId) {
    return jdbi.onDemand(RoutingDao.class).teamsOf(userId);
  }

  // ---- responders ----

  /** The UI's heartbeat: online or away. Coming online may pull queued cases. */
  public Responder heartbeat(User user, String availability) {
    String a =
        availability == null || availability.isBlank()
            ? "online"
            : availability.trim().toLowerCase(Locale.ROOT);
    if (!Set.of("online", "away", "offline").contains(a)) {
      throw new ClientErrorException("availability must be online, away or offline", 422);
    }
    var dao = jdbi.onDemand(RoutingDao.class);
    dao.ensureProfile(user.id(), config.defaultCapacity);
    dao.heartbeat(user.id(), a, clock.instant());
    if ("online".equals(a)) {
      dao.teamsOf(user.id()).forEach(this::assignBacklog);
    }
    return responder(user.id());
  }

  public Responder updateResponder(String username, Integer capacity, List<String> skills) {
    User user = responderNamed(username);
    var dao = jdbi.onDemand(RoutingDao.class);
    var p = profile(dao, user.id());
    if (capacity != null && (capacity < 0 || capacity > 10_000)) {
      throw new ClientErrorException("capacity must be between 0 and 10000", 422);
    }
    String skillCsv =
        skills == null
            ? p.skills()
            : skills.stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .distinct()
                .collect(Collectors.joining(","));
    dao.updateProfile(user.id(), capacity == null ? p.capacity() : capacity, skillCsv);
    if (capacity != null && capacity > p.capacity()) {
      dao.teamsOf(user.id()).forEach(this::assignBacklog);
    }
    return responder(user.id());
  }

  public List<Responder> responders() {
    return users.listUsers().stream()
        .filter(u -> u.has(Role.RESPONDER))
        .map(u -> responder(u.id()))
        .toList();
  }

  /** A responder by username (422 when there is no such responder). */
  public Responder responder(String username) {
    return responder(responderNamed(username).id());
  }

  public Responder responder(long userId) {
    var dao = jdbi.onDemand(RoutingDao.class);
    User u =
        users
            .findUser(userId)
            .orElseThrow(() -> new NotFoundException("user " + userId + " not found"));
    var p = profile(dao, userId);
    return new Responder(
        userId,
        u.username(),
        u.languages(),
        skills(p.skills()).stream().sorted().toList(),
        p.capacity(),
        cases.openCountsByAssignee().getOrDefault(userId, 0),
        availability(p),
        p.lastHeartbeatAt(),
        dao.teamsOf(userId));
  }

  private User responderNamed(String username) {
    return users
        .findUser(username == null ? "" : username.trim())
        .filter(u -> u.has(Role.RESPONDER))
        .orElseThrow(() -> new ClientErrorException("unknown responder '" + username + "'", 422));
  }

  // ---- teams and rules (admin) ----

  public List<Team> teams() {
    return jdbi.onDemand(RoutingDao.class).teams().stream().map(this::view).toList();
  }

  public Team team(long id) {
    return jdbi.onDemand(RoutingDao.class)
        .team(id)
        .map(this::view)
        .orElseThrow(() -> new NotFoundException("team " + id + " not found"));
  }

  public Team saveTeam(Long id, String name, String strategy, String backlogOrder, String manager) {
    if (name == null || name.isBlank()) {
      throw new ClientErrorException("a team needs a name", 422);
    }
    String s;
    try {
      s = Strategy.fromKey(strategy == null ? "least_loaded" : strategy).key();
    } catch (IllegalArgumentException e) {
      throw new ClientErrorException(e.getMessage(), 422);
    }
    String order =
        backlogOrder == null ? "oldest_first" : backlogOrder.trim().toLowerCase(Locale.ROOT);
    if (!Set.of("oldest_first", "priority_first").contains(order)) {
      throw new ClientErrorException("backlogOrder must be oldest_first or priority_first", 422);
    }
    Long managerId =
        manager == null || manager.isBlank()
            ? null
            : users
                .findUser(manager.trim())
                .map(User::id)
                .orElseThrow(
                    () -> new ClientErrorException("unknown manager '" + manager + "'", 422));
    var dao = jdbi.onDemand(RoutingDao.class);
    if (dao.teams().stream()
        .anyMatch(t -> t.name().equalsIgnoreCase(name.trim()) && (id == null || t.id() != id))) {
      throw new ClientErrorException("a team named '" + name.trim() + "' exists", 409);
    }
    long saved;
    if (id == null) {
      saved = dao.insertTeam(name.trim(), s, order, managerId, clock.instant());
    } else {
      if (dao.updateTeam(id, name.trim(), s, order, managerId) == 0) {
        throw new NotFoundException("team " + id + " not found");
      }
      saved = id;
    }
    return team(saved);
  }

  public Team addMember(long teamId, String username) {
    team(teamId);
    User u = responderNamed(username);
    var dao = jdbi.onDemand(RoutingDao.class);
    dao.ensureProfile(u.id(), config.defaultCapacity);
    dao.addMember(teamId, u.id());
    assignBacklog(teamId);
    return team(teamId);
  }

  public Team removeMember(long teamId, String username) {
    team(teamId);
    User u = responderNamed(username);
    if (jdbi.onDemand(RoutingDao.class).removeMember(teamId, u.id()) == 0) {
      throw new NotFoundException(username + " is not in team " + teamId);
    }
    return team(teamId);
  }

  public Optional<Long> managerOf(long teamId) {
    return jdbi.onDemand(RoutingDao.class).team(teamId).map(RoutingDao.TeamRow::managerId);
  }

  public List<RoutingRule> rules() {
    return jdbi.onDemand(RoutingDao.class).rules();
  }

  public RoutingRule rule(long id) {
    return rules().stream()
        .filter(r -> r.id() == id)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("routing rule " + id + " not found"));
  }

  public RoutingRule saveRule(Long id, RoutingRule rule) {
    if (rule.name() == null || rule.name().isBlank()) {
      throw new ClientErrorException("a rule needs a name", 422);
    }
    team(rule.teamId());
    var r =
        new RoutingRule(
            id == null ? 0 : id,
            rule.position(),
            rule.name().trim(),
            blankToNull(rule.keyword()),
            blankToNull(rule.brand()),
            rule.network(),
            blankToNull(rule.language()),
            rule.minPriority(),
            rule.detractor(),
            rule.teamId());
    var dao = jdbi.onDemand(RoutingDao.class);
    long saved;
    if (id == null) {
      saved = dao.insertRule(r, clock.instant());
    } else {
      if (dao.updateRule(r) == 0) {
        throw new NotFoundException("routing rule " + id + " not found");
      }
      saved = id;
    }
    return rules().stream().filter(x -> x.id() == saved).findFirst().orElseThrow();
  }

  public void deleteRule(long id) {
    if (jdbi.onDemand(RoutingDao.class).deleteRule(id) == 0) {
      throw new NotFoundException("routing rule " + id + " not found");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private Team view(RoutingDao.TeamRow t) {
    var dao = jdbi.onDemand(RoutingDao.class);
    List<String> members =
        dao.members(t.id()).stream()
            .map(id -> users.findUser(id).map(User::username).orElse("#" + id))
            .toList();
    String manager =
        t.managerId() == null
            ? null
            : users.findUser(t.managerId()).map(User::username).orElse(null);
    return new Team(t.id(), t.name(), t.strategy(), t.backlogOrder(), manager, members);
  }

  // ---- decision log and presence ----

  public List<LogEntry> assignmentLog(long caseId) {
    cases.get(caseId);
    var dao = jdbi.onDemand(RoutingDao.class);
    Map<Long, String> ruleNames =
        dao.rules().stream().collect(Collectors.toMap(RoutingRule::id, RoutingRule::name));
    Map<Long, String> teamNames =
        dao.teams().stream()
            .collect(Collectors.toMap(RoutingDao.TeamRow::id, RoutingDao.TeamRow::name));
    List<LogEntry> out = new ArrayList<>();
    for (var row : dao.logFor(caseId)) {
      Map<String, Object> detail = parse(row.detail());
      List<AssignmentEngine.Considered> considered = new ArrayList<>();
      Object raw = detail.get("candidates");
      if (raw instanceof List<?> list) {
        for (Object o : list) {
          if (o instanceof Map<?, ?> m) {
            considered.add(
                new AssignmentEngine.Considered(
                    str(m.get("username")), str(m.get("outcome")), str(m.get("reason"))));
          }
        }
      }
      out.add(
          new LogEntry(
              row.id(),
              row.decidedAt(),
              row.outcome(),
              row.ruleId(),
              row.ruleId() == null
                  ? str(detail.get("rule"))
                  : ruleNames.getOrDefault(row.ruleId(), str(detail.get("rule"))),
              row.teamId(),
              row.teamId() == null ? null : teamNames.get(row.teamId()),
              row.chosenUserId() == null
                  ? null
                  : users.findUser(row.chosenUserId()).map(User::username).orElse(null),
              considered,
              str(detail.get("note"))));
    }
    return out;
  }

  /** Records that {@code user} has the case open and returns everyone viewing it now. */
  public List<Viewer> viewing(long caseId, User user) {
    cases.get(caseId);
    jdbi.onDemand(RoutingDao.class).viewing(caseId, user.id(), clock.instant());
    return viewers(caseId);
  }

  public List<Viewer> viewers(long caseId) {
    cases.get(caseId);
    Instant since = clock.instant().minus(config.viewerTimeout.toJavaDuration());
    return jdbi.onDemand(RoutingDao.class).viewers(caseId, since).stream()
        .map(
            v ->
                new Viewer(
                    users.findUser(v.userId()).map(User::username).orElse("#" + v.userId()),
                    v.seenAt()))
        .toList();
  }

  public void stopViewing(long caseId, User user) {
    jdbi.onDemand(RoutingDao.class).stopViewing(caseId, user.id());
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String s) {
    try {
      return JSON.readValue(s, Map.class);
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  static Set<String> ordered(List<String> l) {
    return new LinkedHashSet<>(l);
  }
}
