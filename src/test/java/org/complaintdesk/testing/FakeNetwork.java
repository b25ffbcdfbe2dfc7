package org.complaintdesk.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.util.Duration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.SourceConfiguration;

/** A WireMock fake of one network on 127.0.0.1 and a dynamic port, with fixture loading. */
public final class FakeNetwork implements AutoCloseable {
  public final WireMockServer server;

  public FakeNetwork() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A source pointed at this fake, with short timeouts so the slow-response cases stay fast. */
  public SourceConfiguration source(String name, Network network) {
    var sc = new SourceConfiguration();
    sc.name = name;
    sc.network = network;
    sc.baseUrl = baseUrl();
    sc.connectTimeout = Duration.seconds(2);
    sc.readTimeout = Duration.seconds(3);
    return sc;
  }

  public static String fixture(String path) {
    try (InputStream in = FakeNetwork.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
