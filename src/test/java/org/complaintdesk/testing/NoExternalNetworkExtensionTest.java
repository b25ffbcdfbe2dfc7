package org.complaintdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.NetworkHttp;
import org.complaintdesk.ingest.RateLimit;
import org.junit.jupiter.api.Test;

/** The guard is active in every test and catches each client kind we use. */
class NoExternalNetworkExtensionTest {

  @Test
  void ourNetworkClientCannotLeaveLoopback() {
    var http =
        new NetworkHttp(
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            RateLimit.NONE,
            new MutableClock(Instant.EPOCH));
    assertThatThrownBy(
            () -> http.send(http.request(URI.create("https://api.x.com/2/tweets")).GET().build()))
        .hasMessageContaining("api.x.com");
    assertThat(NoExternalNetworkExtension.takeViolations()).containsExactly("https://api.x.com");
  }

  @Test
  void plainJdkClientsAreCaughtToo() throws Exception {
    var client = HttpClient.newHttpClient();
    assertThatThrownBy(
            () ->
                client.send(
                    HttpRequest.newBuilder(URI.create("http://93.184.216.34/")).build(),
                    HttpResponse.BodyHandlers.discarding()))
        .isNotNull();
    assertThatThrownBy(() -> new URL("http://example.com/").openConnection().connect()).isNotNull();
    assertThat(NoExternalNetworkExtension.takeViolations())
        .containsExactly("http://93.184.216.34", "http://example.com");
  }

  @Test
  void loopbackIsAllowed() throws Exception {
    try (var fake = new FakeNetwork()) {
      fake.server.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.get("/ok")
              .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok("fine")));
      var source = fake.source("x", Network.RSS);
      var http = NetworkHttp.of(source, RateLimit.NONE, new MutableClock(Instant.EPOCH));
      assertThat(
              new String(
                  http.send(http.request(URI.create(fake.baseUrl() + "/ok")).GET().build()).body()))
          .isEqualTo("fine");
    }
    assertThat(NoExternalNetworkExtension.isLoopback("127.0.0.1")).isTrue();
    assertThat(NoExternalNetworkExtension.isLoopback("[::1]")).isTrue();
    assertThat(NoExternalNetworkExtension.isLoopback("localhost")).isTrue();
    assertThat(NoExternalNetworkExtension.isLoopback("10.0.0.1")).isFalse();
    assertThat(NoExternalNetworkExtension.isLoopback("127.example.com")).isFalse();
  }
}
