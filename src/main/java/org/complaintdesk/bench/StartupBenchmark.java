package org.complaintdesk.bench;

import io.dropwizard.core.setup.Bootstrap;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code bench startup [--config FILE] [--runs N]}: starts the real server from this jar in a child
 * JVM and measures how long until the API answers and the health checks pass. The first start is on
 * a fresh SQLite file (so it includes creating the schema); the others restart on that same file,
 * as a server normally does. The baseline is a bare JVM start ({@code java -version}).
 */
public class StartupBenchmark implements Benchmark {
  private static final Duration GIVE_UP = Duration.ofMinutes(3);

  @Override
  public String name() {
    return "startup";
  }

  @Override
  public String description() {
    return "time from JVM start until the server answers (target: under 15 s on 2 cores)";
  }

  @Override
  public void configure(Subparser parser) {
    parser
        .addArgument("--config")
        .setDefault("config.yml")
        .help("configuration file to start with");
    parser.addArgument("--runs").type(Integer.class).setDefault(3).help("number of starts");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace ns, PrintStream out) throws Exception {
    String jar =
        new File(StartupBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .getPath();
    if (!jar.endsWith(".jar")) {
      throw new IllegalStateException("run this from the packaged jar (target/complaint-desk.jar)");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long jvm = timeProcess(List.of(java, "-version"));
    Path dir = Files.createTempDirectory("cd-startup");
    long[] first = startOnce(java, jar, ns.getString("config"), dir);
    out.printf(
        "first start (new database): API after %d ms, healthy after %d ms%n", first[0], first[1]);
    List<Long> api = new ArrayList<>();
    List<Long> healthy = new ArrayList<>();
    for (int run = 1; run <= Math.max(1, ns.getInt("runs")); run++) {
      long[] t = startOnce(java, jar, ns.getString("config"), dir);
      api.add(t[0]);
      healthy.add(t[1]);
      out.printf("restart %d: API after %d ms, healthy after %d ms%n", run, t[0], t[1]);
    }
    long apiMedian = median(api);
    out.println(
        new ResultLine()
            .put("restarts", api.size())
            .put("jvm_ms", jvm)
            .put("first_start_ms", first[0])
            .put("api_ready_ms", apiMedian)
            .put("healthy_ms", median(healthy))
            .put("ratio_to_bare_jvm", (double) apiMedian / Math.max(1, jvm)));
  }

  private static long[] startOnce(String java, String jar, String config, Path dir)
      throws Exception {
    int port = freePort();
    int adminPort = freePort();
    List<String> cmd =
        List.of(
            java,
            "-Ddw.database.url=jdbc:sqlite:" + dir.resolve("startup.db"),
            "-Ddw.server.applicationConnectors[0].port=" + port,
            "-Ddw.server.adminConnectors[0].port=" + adminPort,
            "-Ddw.logging.level=WARN",
            "-jar",
            jar,
            "server",
            config);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.log").toFile())
            .start();
    try {
      long api = waitFor(http, "http://127.0.0.1:" + port + "/api/me", 401, start, p);
      long healthy = waitFor(http, "http://127.0.0.1:" + adminPort + "/healthcheck", 200, start, p);
      return new long[] {api, healthy};
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  private static long waitFor(HttpClient http, String url, int status, long start, Process p)
      throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() - start < GIVE_UP.toNanos()) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the server exited with code " + p.exitValue());
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
          return (System.nanoTime() - start) / 1_000_000;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(url + " did not answer " + status + " within " + GIVE_UP);
  }

  private static long timeProcess(List<String> cmd) throws Exception {
    long start = System.nanoTime();
    new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static long median(List<Long> values) {
    var sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
