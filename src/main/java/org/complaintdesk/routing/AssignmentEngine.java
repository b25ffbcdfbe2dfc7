package org.complaintdesk.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Picks a responder for one case. Pure: everything it needs is passed in, and it explains itself.
 *
 * <ol>
 *   <li>Skip responders who are offline, away, or at capacity (each skip is logged with why).
 *   <li>Prefer, among the rest, those who speak the post's language, then those who handled this
 *       customer before, then those whose skills include the matched brand.
 *   <li>Among the preferred, the team's strategy decides: {@code least_loaded} takes the most spare
 *       capacity (ties: longest since last assignment, then id); {@code round_robin} takes the next
 *       user id after the last one picked, wrapping around.
 * </ol>
 */
public final class AssignmentEngine {
  private AssignmentEngine() {}

  public enum Strategy {
    ROUND_ROBIN,
    LEAST_LOADED;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Strategy fromKey(String key) {
      try {
        return valueOf(key.trim().toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "strategy must be round_robin or least_loaded, not '" + key + "'");
      }
    }
  }

  /** A team member as the engine sees them at decision time. */
  public record Candidate(
      long userId,
      String username,
      List<String> languages,
      Set<String> skills,
      String availability,
      int capacity,
      int openCases,
      Instant lastAssignedAt) {}

  /** One candidate's fate in a decision. */
  public record Considered(String username, String outcome, String reason) {}

  /** The choice (empty if nobody could take the case) and why. */
  public record Decision(
      Optional<Candidate> chosen, String strategy, List<Considered> considered) {}

  public static Decision choose(
      Strategy strategy,
      Long lastRoundRobinUserId,
      List<Candidate> members,
      String language,
      Set<Long> handledCustomerBefore,
      String brand) {
    List<Considered> log = new ArrayList<>();
    List<Candidate> able = new ArrayList<>();
    for (Candidate c :
        members.stream().sorted(Comparator.comparingLong(Candidate::userId)).toList()) {
      if (!"online".equals(c.availability())) {
        log.add(new Considered(c.username(), "skipped", c.availability()));
      } else if (c.openCases() >= c.capacity()) {
        log.add(
            new Considered(
                c.username(),
                "skipped",
                "full (" + c.openCases() + "/" + c.capacity() + " open cases)"));
      } else {
        able.add(c);
      }
    }
    if (able.isEmpty()) {
      return new Decision(Optional.empty(), strategy.key(), log);
    }
    int best =
        able.stream()
            .mapToInt(c -> preference(c, language, handledCustomerBefore, brand))
            .max()
            .orElse(0);
    List<Candidate> preferred = new ArrayList<>();
    for (Candidate c : able) {
      if (preference(c, language, handledCustomerBefore, brand) == best) {
        preferred.add(c);
      } else {
        log.add(
            new Considered(
                c.username(), "not preferred", why(c, language, handledCustomerBefore, brand)));
      }
    }
    Candidate chosen =
        switch (strategy) {
          case LEAST_LOADED ->
              preferred.stream()
                  .min(
                      Comparator.comparingInt((Candidate c) -> -(c.capacity() - c.openCases()))
                          .thenComparing(
                              Candidate::lastAssignedAt,
                              Comparator.nullsFirst(Comparator.naturalOrder()))
                          .thenComparingLong(Candidate::userId))
                  .orElseThrow();
          case ROUND_ROBIN ->
              preferred.stream()
                  .filter(c -> lastRoundRobinUserId == null || c.userId() > lastRoundRobinUserId)
                  .findFirst()
                  .orElse(preferred.get(0));
        };
    for (Candidate c : preferred) {
      if (c != chosen) {
        log.add(
            new Considered(
                c.username(),
                "not chosen",
                strategy == Strategy.LEAST_LOADED
                    ? "less spare capacity ("
                        + (c.capacity() - c.openCases())
                        + ") or assigned more recently"
                    : "not next in the rotation"));
      }
    }
    log.add(
        new Considered(
            chosen.username(),
            "chosen",
            strategy.key()
                + ", spare capacity "
                + (chosen.capacity() - chosen.openCases())
                + (best > 0
                    ? ", " + strengths(chosen, language, handledCustomerBefore, brand)
                    : "")));
    return new Decision(Optional.of(chosen), strategy.key(), log);
  }

  private static boolean speaks(Candidate c, String language) {
    return language != null && c.languages().stream().anyMatch(l -> l.equalsIgnoreCase(language));
  }

  private static boolean knowsBrand(Candidate c, String brand) {
    return brand != null && c.skills().contains(brand.toLowerCase(Locale.ROOT));
  }

  private static int preference(Candidate c, String language, Set<Long> handled, String brand) {
    return (speaks(c, language) ? 4 : 0)
        + (handled.contains(c.userId()) ? 2 : 0)
        + (knowsBrand(c, brand) ? 1 : 0);
  }

  private static String why(Candidate c, String language, Set<Long> handled, String brand) {
    List<String> missing = new ArrayList<>();
    if (language != null && !speaks(c, language)) {
      missing.add("does not speak " + language);
    }
    if (!handled.contains(c.userId())) {
      missing.add("has not handled this customer");
    }
    if (brand != null && !knowsBrand(c, brand)) {
      missing.add("no '" + brand + "' skill");
    }
    return String.join(", ", missing);
  }

  private static String strengths(Candidate c, String language, Set<Long> handled, String brand) {
    List<String> s = new ArrayList<>();
    if (speaks(c, language)) {
      s.add("speaks " + language);
    }
    if (handled.contains(c.userId())) {
      s.add("handled this customer before");
    }
    if (knowsBrand(c, brand)) {
      s.add("knows " + brand);
    }
    return String.join(", ", s);
  }
}
