package org.complaintdesk.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test that tries to reach a host other than loopback. Auto-registered for every test
 * (META-INF/services + junit-platform.properties). It installs a JVM-wide {@link ProxySelector}
 * that refuses non-loopback URIs: the JDK HttpClient (our network clients), HttpURLConnection
 * (Jersey's test client, Twitter4J) all ask it before connecting. A refused request fails inside
 * the code under test, which may swallow it (a poller records it as a source error), so the
 * violation is also remembered and fails the test afterwards.
 */
public class NoExternalNetworkExtension implements BeforeAllCallback, AfterEachCallback {
  private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();
  private static volatile boolean installed;

  /** Refuses every URI whose host is not loopback. */
  static final class LoopbackOnly extends ProxySelector {
    @Override
    public List<Proxy> select(URI uri) {
      String host = uri.getHost();
      if (!isLoopback(host)) {
        String what =
            uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        VIOLATIONS.add(what);
        throw new IllegalArgumentException("tests may only reach 127.0.0.1, not " + what);
      }
      return List.of(Proxy.NO_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
  }

  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equals("localhost")) {
      return true;
    }
    // Only literal addresses: resolving a name here would itself touch the network.
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public static synchronized void install() {
    if (!installed) {
      ProxySelector.setDefault(new LoopbackOnly());
      installed = true;
    }
  }

  /** Violations so far, for the guard's own test. */
  public static List<String> takeViolations() {
    List<String> taken = new ArrayList<>(VIOLATIONS);
    VIOLATIONS.clear();
    return taken;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    install();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<String> seen = takeViolations();
    if (!seen.isEmpty()) {
      throw new AssertionError("test tried to reach the network outside loopback: " + seen);
    }
  }
}
