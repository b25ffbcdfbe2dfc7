package org.complaintdesk.replies;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.complaintdesk.auth.User;
import org.complaintdesk.cases.Case;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.customers.Customer;
import org.complaintdesk.events.EventLog;
import org.jdbi.v3.core.Jdbi;

/**
 * Responder tooling around replies: canned replies with placeholders per language, the tone check
 * before sending, and internal notes. Sending itself stays in {@link ReplyService}.
 */
public class ReplyToolsService {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z]+\\.[a-z]+)\\s*}}");
  static final List<String> PLACEHOLDERS =
      List.of("customer.name", "customer.handle", "case.id", "case.network", "responder.name");

  private final Jdbi jdbi;
  private final CaseService cases;
  private final ReplyService replies;
  private final ToneCheck tone;
  private final EventLog events;
  private final Clock clock;

  public ReplyToolsService(
      Jdbi jdbi,
      CaseService cases,
      ReplyService replies,
      ToneCheck tone,
      EventLog events,
      Clock clock) {
    this.jdbi = jdbi;
    this.cases = cases;
    this.replies = replies;
    this.tone = tone;
    this.events = events;
    this.clock = clock;
  }

  // ---- canned replies ----

  public List<CannedReply> canned() {
    return jdbi.withExtension(ReplyToolsDao.class, ReplyToolsDao::canned);
  }

  public CannedReply saveCanned(
      Long id, String name, String language, String body, boolean autoAck, Long teamId) {
    if (name == null || name.isBlank() || body == null || body.isBlank()) {
      throw new ClientErrorException("a canned reply needs a name and a body", 422);
    }
    String lang =
        language == null || language.isBlank() ? "en" : language.trim().toLowerCase(Locale.ROOT);
    Matcher m = PLACEHOLDER.matcher(body);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        throw new ClientErrorException(
            "unknown placeholder {{" + m.group(1) + "}}; use one of " + PLACEHOLDERS, 422);
      }
    }
    long saved =
        jdbi.withExtension(
            ReplyToolsDao.class,
            dao -> {
              if (dao.cannedNamed(name.trim()).stream()
                  .anyMatch(c -> c.language().equals(lang) && (id == null || c.id() != id))) {
                throw new ClientErrorException(
                    "canned reply '" + name.trim() + "' in " + lang + " exists", 409);
              }
              if (id == null) {
                return dao.insertCanned(
                    name.trim(), lang, body.strip(), autoAck, teamId, clock.instant());
              }
              if (dao.updateCanned(id, name.trim(), lang, body.strip(), autoAck, teamId) == 0) {
                throw new NotFoundException("canned reply " + id + " not found");
              }
              return id;
            });
    return jdbi.withExtension(ReplyToolsDao.class, dao -> dao.canned(saved)).orElseThrow();
  }

  public void deleteCanned(long id) {
    if (jdbi.withExtension(ReplyToolsDao.class, dao -> dao.deleteCanned(id)) == 0) {
      throw new NotFoundException("canned reply " + id + " not found");
    }
  }

  /**
   * The text of canned reply {@code name} for this case: the variant in the case's language, else
   * English, else any; placeholders filled in.
   */
  public String render(String name, long caseId, User responder) {
    Case c = cases.get(caseId);
    List<CannedReply> variants =
        jdbi.withExtension(ReplyToolsDao.class, dao -> dao.cannedNamed(name));
    CannedReply chosen =
        pick(variants, c.language())
            .orElseThrow(() -> new NotFoundException("no canned reply named '" + name + "'"));
    return fill(chosen.body(), c, responder);
  }

  static Optional<CannedReply> pick(List<CannedReply> variants, String language) {
    return variants.stream()
        .min(
            Comparator.comparingInt(
                (CannedReply v) ->
                    v.language().equals(language) ? 0 : v.language().equals("en") ? 1 : 2));
  }

  String fill(String body, Case c, User responder) {
    Customer customer = cases.history(c.id(), 1).customer();
    Map<String, String> values =
        Map.of(
            "customer.name",
            customer.displayName() == null ? "@" + c.authorHandle() : customer.displayName(),
            "customer.handle",
            "@" + c.authorHandle().replaceFirst("^@", ""),
            "case.id",
            String.valueOf(c.id()),
            "case.network",
            c.network().key(),
            "responder.name",
            responder == null
                ? "the team"
                : responder.displayName() == null ? responder.username() : responder.displayName());
    Matcher m = PLACEHOLDER.matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  // ---- tone check and composing ----

  public ToneCheck.Result checkTone(String text) {
    if (text == null || text.isBlank()) {
      throw new ClientErrorException("text must not be empty", 422);
    }
    return tone.check(text);
  }

  /** What the compose endpoint answers: either sent, or held back with the tone warning. */
  public record ComposeResult(boolean sent, ToneCheck.Result tone, Reply reply) {}

  /**
   * Sends a reply (typed or canned) after the tone check. A rude draft is not sent unless {@code
   * confirm} is true: the UI shows the warning and asks.
   */
  public ComposeResult compose(
      long caseId, String text, String cannedName, boolean confirm, User author) {
    String body;
    if (cannedName != null && !cannedName.isBlank()) {
      body = render(cannedName.trim(), caseId, author);
    } else if (text != null && !text.isBlank()) {
      body = text;
    } else {
      throw new ClientErrorException("give the reply text or a canned reply name", 422);
    }
    cases.get(caseId);
    ToneCheck.Result result = tone.check(body);
    if (result.rude() && !confirm) {
      return new ComposeResult(false, result, null);
    }
    return new ComposeResult(true, result, replies.send(caseId, body, author));
  }

  // ---- internal notes ----

  public Note addNote(long caseId, String text, User author) {
    if (text == null || text.isBlank()) {
      throw new ClientErrorException("a note needs text", 422);
    }
    if (text.length() > 10_000) {
      throw new ClientErrorException("a note is limited to 10000 characters", 422);
    }
    Case c = cases.get(caseId);
    Instant now = clock.instant();
    long id =
        jdbi.inTransaction(
            h -> {
              long noteId =
                  h.attach(ReplyToolsDao.class).insertNote(caseId, author.id(), text.strip(), now);
              events.append(
                  h,
                  EventLog.Entry.of(EventLog.NOTE_ADDED, now)
                      .caseId(caseId)
                      .actor(author.username())
                      .responder(author.id())
                      .team(c.teamId()));
              return noteId;
            });
    return notes(caseId).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
  }

  public List<Note> notes(long caseId) {
    cases.get(caseId);
    return jdbi.withExtension(ReplyToolsDao.class, dao -> dao.notes(caseId));
  }

  List<CannedReply> autoAcks() {
    return jdbi.withExtension(ReplyToolsDao.class, dao -> dao.autoAcks(true));
  }
}
