package dev.conf.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaffolding of a suite that runs conf against a WireMock server shaped like one deployment:
 * the server (started once a test class, emptied before each test), a fresh {@link ConfRunner} per
 * test with the {@link #site()}'s credentials in its environment, and, after each test, the check
 * of every request served against the deployment's official OpenAPI document ({@link #contract()}).
 */
public abstract class WireMockSuite {
  /** One server for the running test class; JUnit starts it before the class and stops it after. */
  @RegisterExtension
  protected static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** A private directory per test; the runner's config lives in {@link #configDir} under it. */
  @TempDir protected Path tmp;

  protected Path configDir;
  protected ConfRunner conf;

  /** The site under test, served by {@link #wm} (e.g. {@code TestSite.cloud(url())}). */
  protected abstract TestSite site();

  /**
   * The document every request served must follow: the site's, where a suite adds exemptions for
   * what the document does not describe.
   */
  protected SpecContract contract() {
    return site().contract();
  }

  @BeforeEach
  void freshServerAndRunner() {
    wm.resetAll();
    configDir = tmp.resolve("config");
    conf = site().credentialsInEnv(new ConfRunner(configDir));
  }

  @AfterEach
  void requestsFollowTheOfficialDocument() {
    if (SpecContract.available()) {
      contract()
          .assertValid(
              wm.getAllServeEvents().stream()
                  .map(e -> e.getRequest())
                  .map(LoggedRequest.class::cast)
                  .toList());
    }
  }

  /** The WireMock server's base URL (for Data Center the site URL adds the context path). */
  protected String url() {
    return wm.baseUrl();
  }

  /** The site URL a user would give conf. */
  protected String siteUrl() {
    return site().url();
  }
}
