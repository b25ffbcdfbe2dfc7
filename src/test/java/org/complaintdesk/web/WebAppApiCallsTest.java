package org.complaintdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.testing.Endpoints;
import org.complaintdesk.testing.Endpoints.Endpoint;
import org.complaintdesk.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every {@code api(...)} / {@code optional(...)} call in the web app's JavaScript must name an
 * endpoint that exists in the running server's Jersey resource model, with a method it answers,
 * query parameters it reads and (for JSON bodies written as object literals) only fields its
 * request record has. Guards against panels written against guessed paths.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebAppApiCallsTest {
  static final DropwizardAppExtension<ComplaintDeskConfiguration> APP = TestApp.create(0);
  private static final Path JS = Path.of("src", "main", "resources", "web", "js");
  private static final Pattern CALL = Pattern.compile("(?<![\\w.])(api|optional)\\(");

  /** A call whose path is a variable: named here with the reason, so new ones get looked at. */
  private static final Set<String> DYNAMIC = Set.of();

  record Call(String file, String method, String path, Set<String> query, Set<String> body) {
    @Override
    public String toString() {
      return file + ": " + method + " " + path + (body == null ? "" : " body " + body);
    }
  }

  static List<Endpoint> endpoints;

  @BeforeAll
  static void model() {
    endpoints = Endpoints.of(APP);
  }

  @Test
  void everyCallHitsAnExistingEndpointWithTheRightMethodAndShape() throws IOException {
    List<Call> calls = new ArrayList<>();
    List<String> dynamic = new ArrayList<>();
    scan(calls, dynamic);
    assertThat(calls).as("calls found in the web app").hasSizeGreaterThan(30);
    assertThat(dynamic).containsExactlyInAnyOrderElementsOf(DYNAMIC);

    List<String> problems = new ArrayList<>();
    for (Call c : calls) {
      List<Endpoint> onPath = endpoints.stream().filter(e -> matches(e.path(), c.path())).toList();
      if (onPath.isEmpty()) {
        problems.add(c + ": no such path");
        continue;
      }
      var endpoint = onPath.stream().filter(e -> e.method().equals(c.method())).findFirst();
      if (endpoint.isEmpty()) {
        problems.add(c + ": path answers only " + onPath.stream().map(Endpoint::method).toList());
        continue;
      }
      Set<String> accepted = queryParams(endpoint.get());
      for (String q : c.query()) {
        if (!accepted.contains(q)) {
          problems.add(c + ": unknown query parameter " + q + " (accepted " + accepted + ")");
        }
      }
      Class<?> entity = endpoint.get().entity();
      if (c.body() != null && !c.body().isEmpty()) {
        if (entity == null) {
          problems.add(c + ": the endpoint reads no body");
        } else if (entity.isRecord()) {
          Set<String> fields =
              Arrays.stream(entity.getRecordComponents())
                  .map(RecordComponent::getName)
                  .collect(Collectors.toSet());
          for (String k : c.body()) {
            if (!fields.contains(k)) {
              problems.add(c + ": " + entity.getSimpleName() + " has no field " + k);
            }
          }
        }
      }
    }
    assertThat(problems).as("web app calls that the server does not answer as written").isEmpty();
  }

  /**
   * Customer text must only reach the page through text nodes ({@code dom.js h()}): no script may
   * use an HTML sink, so a post containing markup can never become markup (XSS).
   */
  @Test
  void noScriptWritesHtml() throws IOException {
    Pattern sinks =
        Pattern.compile(
            "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|createContextualFragment"
                + "|DOMParser|srcdoc|\\beval\\(|new Function\\(");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(JS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
        String[] lines = Files.readString(f).split("\n");
        for (int i = 0; i < lines.length; i++) {
          String code = lines[i].replaceAll("^\\s*//.*", "");
          if (sinks.matcher(code).find()) {
            found.add(f.getFileName() + ":" + (i + 1) + ": " + lines[i].trim());
          }
        }
      }
    }
    assertThat(found).as("HTML sinks in the web app").isEmpty();
  }

  @Test
  void theScannerReadsNestedTemplatesAndBodies() {
    List<Call> calls = new ArrayList<>();
    List<String> dynamic = new ArrayList<>();
    scanText(
        "t.js",
        "await api(`/api/audit?limit=50${a ? `&action=${enc(a)}` : ''}`);"
            + " api(`/api/teams/${t.id}/members`, { method: 'POST', body: { username: f(x, y) } });"
            + " optional(path);",
        calls,
        dynamic);
    assertThat(calls)
        .extracting(Call::toString)
        .containsExactly(
            "t.js: GET /api/audit", "t.js: POST /api/teams/{}/members body [username]");
    assertThat(calls.get(0).query()).containsExactly("limit");
    assertThat(dynamic).containsExactly("t.js: optional(path)");
  }

  private static Set<String> queryParams(Endpoint e) {
    return Arrays.stream(e.java().getParameters())
        .map(p -> p.getAnnotation(QueryParam.class))
        .filter(q -> q != null)
        .map(QueryParam::value)
        .collect(Collectors.toSet());
  }

  /** Template segments {x} match a JS substitution or any literal; literals must be equal. */
  static boolean matches(String template, String path) {
    String[] t = template.split("/");
    String[] p = path.split("/");
    if (t.length != p.length) {
      return false;
    }
    for (int i = 0; i < t.length; i++) {
      boolean param = t[i].startsWith("{");
      if (p[i].equals("{}") ? !param : !param && !t[i].equals(p[i])) {
        return false;
      }
    }
    return true;
  }

  private static void scan(List<Call> calls, List<String> dynamic) throws IOException {
    try (Stream<Path> files = Files.list(JS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
        if (!f.getFileName().toString().equals("api.js")) {
          scanText(f.getFileName().toString(), Files.readString(f), calls, dynamic);
        }
      }
    }
  }

  static void scanText(String file, String js, List<Call> calls, List<String> dynamic) {
    Matcher m = CALL.matcher(js);
    while (m.find()) {
      int open = m.end() - 1;
      int close = end(js, open + 1, new ArrayDeque<>(List.of('('))) - 1;
      List<String> args = split(js.substring(open + 1, close), ',');
      String first = args.get(0).trim();
      if (!(first.startsWith("'") || first.startsWith("\"") || first.startsWith("`"))) {
        dynamic.add(file + ": " + m.group(1) + "(" + first + ")");
        continue;
      }
      String url = literal(first);
      int q = url.indexOf('?');
      String path = q < 0 ? url : url.substring(0, q);
      Set<String> query = new LinkedHashSet<>();
      if (q >= 0) {
        for (String pair : url.substring(q + 1).split("&")) {
          String name = pair.split("=", 2)[0];
          if (!name.isBlank() && !name.contains("{}")) {
            query.add(name);
          }
        }
      }
      String method = "GET";
      Set<String> body = null;
      if (args.size() > 1) {
        for (String prop : properties(args.get(1))) {
          List<String> kv = split(prop, ':');
          String key = kv.get(0).trim();
          String value = kv.size() > 1 ? prop.substring(prop.indexOf(':') + 1).trim() : key;
          if (key.equals("method")) {
            method = literal(value).toUpperCase(Locale.ROOT);
          } else if (key.equals("body") && value.startsWith("{")) {
            body = new LinkedHashSet<>();
            for (String field : properties(value)) {
              body.add(split(field, ':').get(0).trim());
            }
          }
        }
      }
      calls.add(new Call(file, method, path, query, body));
    }
  }

  /** The top-level "key: value" parts of an object literal. */
  private static List<String> properties(String objectLiteral) {
    String s = objectLiteral.trim();
    if (!s.startsWith("{") || !s.endsWith("}")) {
      return List.of();
    }
    return split(s.substring(1, s.length() - 1), ',').stream().filter(p -> !p.isBlank()).toList();
  }

  /** A string literal's text; template substitutions become "{}". */
  private static String literal(String s) {
    if (!s.startsWith("`")) {
      return s.substring(1, s.length() - 1);
    }
    StringBuilder out = new StringBuilder();
    int i = 1;
    while (i < s.length() - 1) {
      if (s.startsWith("${", i)) {
        i = end(s, i + 2, new ArrayDeque<>(List.of('$')));
        out.append("{}");
      } else {
        out.append(s.charAt(i++));
      }
    }
    return out.toString();
  }

  /** Splits at separators outside brackets, strings and templates. */
  private static List<String> split(String s, char sep) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == sep) {
        parts.add(s.substring(start, i));
        start = ++i;
      } else if ("([{'\"`".indexOf(c) >= 0) {
        Deque<Character> stack = new ArrayDeque<>();
        i = skip(s, i, stack);
        if (!stack.isEmpty()) {
          i = end(s, i, stack);
        }
      } else {
        i++;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  /** Index just after the point where {@code stack} empties, scanning JavaScript from i. */
  private static int end(String s, int i, Deque<Character> stack) {
    while (!stack.isEmpty()) {
      i = skip(s, i, stack);
    }
    return i;
  }

  /** Consumes one token at i, pushing/popping brackets and template modes. */
  private static int skip(String s, int i, Deque<Character> stack) {
    char c = s.charAt(i);
    if (!stack.isEmpty() && stack.peek() == '`') {
      if (c == '\\') {
        return i + 2;
      }
      if (c == '`') {
        stack.pop();
      } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        stack.push('$');
        return i + 2;
      }
      return i + 1;
    }
    if (c == '\'' || c == '"') {
      int j = i + 1;
      while (s.charAt(j) != c) {
        j += s.charAt(j) == '\\' ? 2 : 1;
      }
      return j + 1;
    }
    if (c == '`' || c == '(' || c == '[' || c == '{') {
      stack.push(c);
    } else if (c == ')' || c == ']' || c == '}') {
      stack.pop();
    }
    return i + 1;
  }
}
