package org.complaintdesk.web;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.servlets.assets.AssetServlet;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

/**
 * The web app: static files from {@code src/main/resources/web} at {@value #APP_PATH}, Chart.js
 * from its WebJar at {@code /app/vendor/}, and {@code /} redirecting to the app. Jersey keeps
 * {@code /*} (the API lives under {@code /api}); the asset servlets use longer path prefixes, which
 * the servlet container prefers, so no resource path had to move.
 */
public final class WebFeature {
  public static final String APP_PATH = "/app/";

  private WebFeature() {}

  public static void register(Environment environment) {
    var servlets = environment.servlets();
    servlets
        .addServlet(
            "web-app", new AssetServlet("/web", APP_PATH, "index.html", StandardCharsets.UTF_8))
        .addMapping(APP_PATH + "*");
    servlets
        .addServlet(
            "web-vendor",
            new AssetServlet(
                "/META-INF/resources/webjars", APP_PATH + "vendor/", null, StandardCharsets.UTF_8))
        .addMapping(APP_PATH + "vendor/*");
    servlets
        .addFilter("security-headers", new SecurityHeadersFilter())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    environment.jersey().register(new RootResource());
  }
}
