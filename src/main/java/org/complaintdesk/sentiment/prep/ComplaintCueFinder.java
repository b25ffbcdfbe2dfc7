package org.complaintdesk.sentiment.prep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrases that mark a customer complaint in English social posts (after Preotiuc-Pietro et al.
 * 2019, whose most predictive features were service failures, waiting, money and "fix it"
 * requests). Sentiment models miss many of these: "still waiting for my refund" has no negative
 * word.
 *
 * <p>Each pattern has a short name; the trained layer gets one feature per name, so it learns how
 * much each kind of cue matters, and the responder sees the matched words as evidence.
 */
public final class ComplaintCueFinder {
  private record Rule(String name, Pattern pattern) {}

  private static final List<Rule> RULES =
      List.of(
          rule(
              "money",
              "\\b(refund(s|ed)?|charged( me)?( twice)?|overcharg\\w*|money back|compensat\\w*)\\b"),
          rule("cancelled", "\\b(cancel+(ed|ing|s)?|cancellation)\\b"),
          rule(
              "waiting",
              "\\b(still (waiting|no|not|haven'?t|hasn'?t|nothing)|waiting (for|on|since)|on hold"
                  + "|(hours?|days?|weeks?|months?) (later|now|and still|without|of waiting)"
                  + "|no (response|reply|answer|update)s?|never (heard|got|received))\\b"),
          rule(
              "never-again",
              "\\b(never (again|fly|flying|use|using|buy|buying)|last time i|switching to)\\b"),
          rule(
              "fix-it",
              "\\b(fix (it|this|your|the)|sort (it|this) out|do something|get (it|this) fixed"
                  + "|please help|help me|need help|any help)\\b"),
          rule(
              "failure",
              "\\b(delay(ed|s)?|lost|missing|broken|damaged|stuck|stranded|late|down again|outage"
                  + "|not working|doesn'?t work|isn'?t working|won'?t (work|load|let)|can'?t (log|get|access)"
                  + "|(hasn'?t|has not|haven'?t|didn'?t|did not|never) (arrived|received|come|showed|shown)"
                  + "|error|crash(es|ed|ing)?|keeps? (crashing|failing|dropping))\\b"),
          rule(
              "bad-service",
              "\\b(worst|terrible|horrible|awful|appalling|pathetic|useless|ridiculous|unacceptable"
                  + "|disgusting|rude|incompetent|scam|rip ?off|joke|shocking|disgrace(ful)?|fed up"
                  + "|sick of|tired of|thanks for nothing|so much for)\\b"),
          rule(
              "customer-service",
              "\\b(customer (service|care|support)|your (staff|agent|app|website|service))\\b"),
          rule(
              "why-question",
              "^(why|how (come|long|many times)|what (is|was) (wrong|going on|the point))\\b"));

  private static Rule rule(String name, String regex) {
    return new Rule(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
  }

  /** A matched cue: the rule's name and where it matched in the prepared text. */
  public record Match(String name, int begin, int end) {}

  public List<Match> find(String preparedText) {
    List<Match> out = new ArrayList<>();
    String lower = preparedText.toLowerCase(Locale.ROOT);
    for (Rule r : RULES) {
      Matcher m = r.pattern.matcher(lower);
      while (m.find()) {
        out.add(new Match(r.name, m.start(), m.end()));
      }
    }
    return out;
  }
}
