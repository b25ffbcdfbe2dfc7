package org.complaintdesk.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.complaintdesk.common.Page;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit trail: who changed what, when, with the state before and after. Any feature calls
 * {@link #record}; values are serialised to JSON and every field whose name looks like a secret
 * (password, token, secret, credential, key, hash) is replaced by {@value #REDACTED} before it is
 * stored, so network credentials and password hashes can never leak through the audit API.
 */
public class AuditLog {
  public static final String REDACTED = "[redacted]";
  private static final Pattern SECRET_FIELD =
      Pattern.compile(
          ".*(password|passwd|secret|token|credential|apikey|api_key|privatekey|hash|cookie).*");

  private final AuditDao dao;
  private final ObjectMapper mapper;
  private final Clock clock;

  public AuditLog(Jdbi jdbi, ObjectMapper mapper, Clock clock) {
    this.dao = jdbi.onDemand(AuditDao.class);
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * Records a change. {@code actor} may be null for the system (start-up seeding, CLI commands);
   * {@code action} is dotted ("keyword.added"), {@code target} names the thing ("keyword:7").
   */
  public void record(Principal actor, String action, String target, Object before, Object after) {
    Long actorId = actor instanceof HasId h ? h.auditId() : null;
    dao.insert(
        clock.instant(),
        actorId,
        actor == null ? "system" : actor.getName(),
        action,
        target,
        toJson(before),
        toJson(after));
  }

  public Page<AuditEntry> list(String action, String actor, int limit, int offset) {
    return list(action, actor, null, null, limit, offset);
  }

  /** Newest first; {@code from} inclusive, {@code to} exclusive, either may be null. */
  public Page<AuditEntry> list(
      String action, String actor, Instant from, Instant to, int limit, int offset) {
    String a = action == null || action.isBlank() ? null : action.trim();
    String prefix = a == null ? null : a + ".%";
    String who = actor == null || actor.isBlank() ? null : actor.trim();
    return Page.of(dao.list(a, prefix, who, from, to, limit + 1, offset), limit, offset);
  }

  String toJson(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return mapper.writeValueAsString(redact(mapper.valueToTree(value)));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot serialise an audit value", e);
    }
  }

  /** Replaces secret-looking fields anywhere in the tree. */
  static JsonNode redact(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (isSecretField(name)) {
          object.set(name, TextNode.valueOf(REDACTED));
        } else {
          redact(object.get(name));
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(AuditLog::redact);
    }
    return node;
  }

  public static boolean isSecretField(String name) {
    return SECRET_FIELD.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }

  /** Implemented by principals that have a database id (our {@code User}). */
  public interface HasId {
    long auditId();
  }
}
