package dev.conf.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contract check: validates every HTTP request a backend sent to WireMock against Atlassian's
 * official OpenAPI documents (see {@code shared/specs/SOURCES.md}).
 *
 * <p>The documents are found through the environment variable {@code CONF_SPECS_DIR} (set by Maven
 * surefire from the pom property {@code conf.specs.dir}), falling back to {@code ../shared/specs}
 * relative to the working directory. Each document is parsed once per JVM.
 *
 * <p>Only requests are validated (method, path, query parameters, headers, JSON body). Known
 * defects of the upstream documents are suppressed one by one, scoped to the affected operations;
 * see {@link #CLOUD_V2_SUPPRESSIONS} and {@link #DC_SUPPRESSIONS}.
 */
public final class SpecContract {

  /** The OpenAPI documents this class knows, with the base path their paths hang from. */
  enum Doc {
    /** Paths relative to /wiki/api/v2. */
    CLOUD_V2("confluence-cloud-v2.openapi.json", "/wiki/api/v2"),
    /** Absolute paths /wiki/rest/api/...; server URL has no base path. */
    CLOUD_V1("confluence-cloud-v1.openapi.json", "/"),
    /** Absolute paths /rest/api/...; the server URL's /confluence base path is overridden. */
    DC("confluence-dc-10.0.3.openapi.json", "/");

    final String file;
    final String basePath;

    Doc(String file, String basePath) {
      this.file = file;
      this.basePath = basePath;
    }
  }

  private static final String ENV = "CONF_SPECS_DIR";
  private static final String DEFAULT_DIR = "../shared/specs";

  private static final Map<Doc, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
  private static final Map<Doc, Duration> LOAD_TIMES =
      Collections.synchronizedMap(new EnumMap<>(Doc.class));

  private static final Pattern CLOUD_V2_PATH = Pattern.compile("^(.*?)(/wiki/api/v2(?:/.*)?)$");
  private static final Pattern CLOUD_V1_PATH = Pattern.compile("^(.*?)(/wiki/rest/api(?:/.*)?)$");

  /** A request routed to one document: the path as the document's validator expects it. */
  private record Route(Doc doc, String path) {}

  private final String description;
  private final Function<String, Optional<Route>> router;
  private final List<Pattern> exemptions;

  private SpecContract(
      String description, Function<String, Optional<Route>> router, List<Pattern> exemptions) {
    this.description = description;
    this.router = router;
    this.exemptions = List.copyOf(exemptions);
  }

  /**
   * Cloud: requests under {prefix}/wiki/api/v2/** are checked against
   * confluence-cloud-v2.openapi.json (its paths are relative to /wiki/api/v2), requests under
   * {prefix}/wiki/rest/api/** against confluence-cloud-v1.openapi.json (absolute paths
   * /wiki/rest/api/...). {prefix} is any leading path before /wiki, e.g. "" or
   * "/ex/confluence/abc-123" (scoped tokens go through api.atlassian.com/ex/confluence/<cloudId>).
   */
  public static SpecContract cloud() {
    return new SpecContract(
        "Cloud ({prefix}/wiki/api/v2/** -> "
            + Doc.CLOUD_V2.file
            + ", {prefix}/wiki/rest/api/** -> "
            + Doc.CLOUD_V1.file
            + ")",
        path -> {
          Matcher v2 = CLOUD_V2_PATH.matcher(path);
          if (v2.matches()) {
            return Optional.of(new Route(Doc.CLOUD_V2, v2.group(2)));
          }
          Matcher v1 = CLOUD_V1_PATH.matcher(path);
          if (v1.matches()) {
            return Optional.of(new Route(Doc.CLOUD_V1, v1.group(2)));
          }
          return Optional.empty();
        },
        List.of());
  }

  /**
   * Data Center: requests under contextPath + /rest/api/** checked against
   * confluence-dc-10.0.3.openapi.json (its paths are absolute /rest/api/...; its server URL has a
   * /confluence base path — overridden here).
   */
  public static SpecContract dataCenter(String contextPath) {
    String ctx = contextPath == null ? "" : contextPath.strip();
    while (ctx.endsWith("/")) {
      ctx = ctx.substring(0, ctx.length() - 1);
    }
    if (!ctx.isEmpty() && !ctx.startsWith("/")) {
      ctx = "/" + ctx;
    }
    String context = ctx;
    return new SpecContract(
        "Data Center (" + context + "/rest/api/** -> " + Doc.DC.file + ")",
        path -> {
          if (path.startsWith(context + "/rest/api/") || path.equals(context + "/rest/api")) {
            return Optional.of(new Route(Doc.DC, path.substring(context.length())));
          }
          return Optional.empty();
        },
        List.of());
  }

  /**
   * True when CONF_SPECS_DIR (or the default ../shared/specs) holds the documents. When they are
   * missing the contract checks skip, except in CI (environment CI=true), where a missing document
   * would silently turn every contract check off: there this fails with an AssertionError naming
   * the directory.
   */
  public static boolean available() {
    return available(specsDir(), System.getenv());
  }

  static boolean available(Path dir, Map<String, String> env) {
    List<String> missing = new ArrayList<>();
    for (Doc doc : Doc.values()) {
      if (!Files.isReadable(dir.resolve(doc.file))) {
        missing.add(doc.file);
      }
    }
    if (missing.isEmpty()) {
      return true;
    }
    if ("true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
      throw new AssertionError(
          "CI=true but the official OpenAPI documents "
              + missing
              + " are not in "
              + dir.toAbsolutePath().normalize()
              + ": set "
              + ENV
              + " (Maven: -Dconf.specs.dir=...); in CI the contract checks must run, not skip");
    }
    return false;
  }

  /**
   * Requests whose path (without query string) contains a match for this regex ({@link
   * Matcher#find()}; anchor with ^ and $ for a whole-path match) are not checked, e.g.
   * "/_edge/tenant_info". Returns a new contract; this one is unchanged.
   */
  public SpecContract exempt(String pathRegex) {
    List<Pattern> all = new ArrayList<>(exemptions);
    all.add(Pattern.compile(pathRegex));
    return new SpecContract(description, router, all);
  }

  /**
   * Fails (AssertionError listing each invalid request: method, URL, every validation message) when
   * any request is invalid or matches no document path. Validates method, path, query parameters
   * (names, types, enums), headers, and JSON body. Requests not under a known prefix and not
   * exempted are failures too.
   */
  public void assertValid(List<LoggedRequest> requests) {
    List<String> failures = new ArrayList<>();
    for (LoggedRequest logged : requests) {
      String path = pathOf(logged.getUrl());
      if (exemptions.stream().anyMatch(p -> p.matcher(path).find())) {
        continue;
      }
      String what = logged.getMethod().getName() + " " + logged.getUrl();
      Optional<Route> route = router.apply(path);
      if (route.isEmpty()) {
        failures.add(
            what + "\n    - [no document] path is under no known prefix of " + description);
        continue;
      }
      Request request = toRequest(logged, route.get().path());
      ValidationReport report = validator(route.get().doc()).validateRequest(request);
      if (report.hasErrors()) {
        StringBuilder sb = new StringBuilder(what).append("  (").append(route.get().doc().file);
        sb.append(')');
        for (ValidationReport.Message m : report.getMessages()) {
          if (m.getLevel() != ValidationReport.Level.ERROR) {
            continue;
          }
          sb.append("\n    - [").append(m.getKey()).append("] ").append(m.getMessage());
          for (String info : m.getAdditionalInfo()) {
            sb.append("\n        ").append(info);
          }
        }
        failures.add(sb.toString());
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          failures.size()
              + " of "
              + requests.size()
              + " request(s) violate the official Confluence OpenAPI documents:\n"
              + String.join("\n", failures));
    }
  }

  /** Convenience: all requests a WireMockServer received. */
  public void assertValid(WireMockServer server) {
    assertValid(server.findAll(RequestPatternBuilder.allRequests()));
  }

  /** How long each document took to load and parse (documents not loaded yet are absent). */
  static Map<String, Duration> loadTimes() {
    synchronized (LOAD_TIMES) {
      Map<String, Duration> out = new LinkedHashMap<>();
      LOAD_TIMES.forEach((doc, d) -> out.put(doc.file, d));
      return out;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Request conversion

  private static String pathOf(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  private static Request toRequest(LoggedRequest logged, String path) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(logged.getMethod().getName(), path);
    for (Map.Entry<String, QueryParameter> e : logged.getQueryParams().entrySet()) {
      b.withQueryParam(e.getKey(), e.getValue().values());
    }
    for (HttpHeader h : logged.getHeaders().all()) {
      b.withHeader(h.key(), h.values());
    }
    byte[] body = logged.getBody();
    if (body != null && body.length > 0) {
      b.withBody(body);
    }
    return b.build();
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  static Path specsDir() {
    String env = System.getenv(ENV);
    return Path.of(env == null || env.isBlank() ? DEFAULT_DIR : env);
  }

  private static OpenApiInteractionValidator validator(Doc doc) {
    return VALIDATORS.computeIfAbsent(doc, SpecContract::load);
  }

  private static OpenApiInteractionValidator load(Doc doc) {
    Path file = specsDir().resolve(doc.file).toAbsolutePath().normalize();
    if (!Files.isReadable(file)) {
      throw new IllegalStateException(
          "OpenAPI document " + file + " not found; set " + ENV + " to the specs directory");
    }
    long start = System.nanoTime();
    OpenApiInteractionValidator.Builder builder =
        switch (doc) {
          case CLOUD_V2 ->
              OpenApiInteractionValidator.createForSpecificationUrl(file.toUri().toString())
                  .withWhitelist(CLOUD_V2_SUPPRESSIONS);
          case CLOUD_V1 ->
              OpenApiInteractionValidator.createForSpecificationUrl(file.toUri().toString());
          case DC ->
              OpenApiInteractionValidator.createForInlineApiSpecification(dedupeDcParameters(file))
                  .withWhitelist(DC_SUPPRESSIONS);
        };
    OpenApiInteractionValidator validator =
        builder.withBasePathOverride(doc.basePath).withLevelResolver(LEVELS).build();
    LOAD_TIMES.put(doc, Duration.ofNanos(System.nanoTime() - start));
    return validator;
  }

  /**
   * Message levels. Everything not listed is ERROR (the validator's default level). Nothing is
   * lowered here: every known defect is suppressed per operation by the whitelists below, because
   * the validator's LevelResolver is keyed by message key only and would hide the same kind of
   * error on every operation of a document.
   */
  private static final LevelResolver LEVELS =
      LevelResolver.create()
          .withDefaultLevel(ValidationReport.Level.ERROR)
          // A query parameter the document does not declare means conf is guessing. The validator
          // ships this key at IGNORE (checked with 2.44.9), so it must be raised explicitly.
          .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
          // Not IGNORE: keeps the validator injecting additionalProperties:false into every
          // schema. Unknown JSON body fields are reported, and this also makes the two branches of
          // the F3 oneOf mutually exclusive (see CLOUD_V2_SUPPRESSIONS).
          .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
          // conf always sends Authorization (Basic or Bearer). The Cloud documents allow basicAuth
          // OR oauth2 on each operation; the validator does not support oauth2 (it logs "not
          // currently supported" and counts the alternative as satisfied), so neither Basic nor
          // Bearer is rejected (nor a missing header). DC applies its scheme to no operation.
          .withLevel("validation.request.security.invalid", ValidationReport.Level.ERROR)
          .build();

  // ---------------------------------------------------------------------------------------------
  // Suppressions of known upstream defects (SOURCES.md, "Known defects in the upstream documents")

  private static final String ONE_OF = "validation.request.body.schema.oneOf";
  private static final String PATTERN = "validation.request.parameter.schema.pattern";
  private static final String ADDITIONAL = "validation.request.body.schema.additionalProperties";

  /**
   * F3 (v2): write bodies are {@code oneOf [XBodyWrite, XNestedBodyWrite]} for pages, blog posts,
   * footer/inline comments and custom content; neither branch is exclusive, so a body valid under
   * one can be reported as "matched 2 out of 2". Only that message on the request's {@code /body}
   * for these operations is suppressed; "matched 0 out of 2" (a body valid under neither branch,
   * e.g. an unknown representation) stays an error.
   */
  private static final Set<String> F3_OPERATIONS =
      Set.of(
          "createPage",
          "updatePage",
          "createBlogPost",
          "updateBlogPost",
          "createFooterComment",
          "updateFooterComment",
          "createInlineComment",
          "updateInlineComment",
          "createCustomContent",
          "updateCustomContent");

  private static final Pattern ONE_OF_MATCHED_SEVERAL =
      Pattern.compile("^\\[Path '/body'] .*\\(matched ([2-9]|\\d{2,}) out of \\d+\\)$");

  /**
   * F5 (v2): the attachment-id path parameter has the broken pattern {@code (att)?0-9+} on these
   * two operations (every other attachment operation has {@code (att)?[0-9]+}). Suppressed only
   * when the message is about that literal broken pattern and the id satisfies the intended pattern
   * {@code (att)?[0-9]+}.
   */
  private static final Set<String> F5_OPERATIONS =
      Set.of("getAttachmentContentPropertiesById", "getAttachmentVersionDetails");

  private static final Pattern F5_MESSAGE =
      Pattern.compile(
          "^ECMA 262 regex \"\\(att\\)\\?0-9\\+\" does not match input string \"(.*)\"$");
  private static final Pattern F5_INTENDED = Pattern.compile("(att)?[0-9]+");

  private static final ValidationErrorsWhitelist CLOUD_V2_SUPPRESSIONS =
      ValidationErrorsWhitelist.create()
          .withRule(
              "F3 v2 write body oneOf [XBodyWrite, XNestedBodyWrite] is not exclusive",
              (message, operation, request, response) ->
                  request != null
                      && message.getKey().equals(ONE_OF)
                      && operationIdIn(operation, F3_OPERATIONS)
                      && ONE_OF_MATCHED_SEVERAL.matcher(message.getMessage()).matches())
          .withRule(
              "F5 v2 attachment-id pattern (att)?0-9+",
              (message, operation, request, response) -> {
                if (request == null
                    || !message.getKey().equals(PATTERN)
                    || !operationIdIn(operation, F5_OPERATIONS)) {
                  return false;
                }
                Matcher m = F5_MESSAGE.matcher(message.getMessage());
                return m.matches() && F5_INTENDED.matcher(m.group(1)).matches();
              });

  // F1 (v2 PageUpdateRequest spaceId/parentId/ownerId are {"format":"string"} without a type):
  // no suppression needed. The validator treats a schema without type as "any type" and ignores
  // the unknown format "string", so it neither rejects valid ids nor checks them.
  // F2 (v2 sort params typed {"type":"string","items":{$ref enum}}): no suppression needed. The
  // validator does apply the enum under "items" to the single string value, so valid sort values
  // pass and unknown ones are rejected (stricter than the document's letter, as intended).

  /**
   * DC {@code links} vs {@code _links}: the generated Space schema (request body of createSpace,
   * createPrivateSpace, update_4) has {@code links} where the wire format has {@code _links}; a
   * body carrying {@code _links} (as returned by the server) would be rejected as an unknown
   * property. Suppressed only when {@code _links} is the sole unknown property, on operations whose
   * body schema is Content or Space.
   */
  private static final Set<String> DC_LINKS_OPERATIONS =
      Set.of(
          "createContent",
          "update_2",
          "update",
          "publishSharedDraft",
          "publishLegacyDraft",
          "createSpace",
          "createPrivateSpace",
          "update_4");

  private static final Pattern ONLY_LINKS_UNKNOWN =
      Pattern.compile("^(\\[Path '[^']*'] )?.*not allowed by the schema: \\[\"_links\"]$");

  /**
   * DC {@code JsonString}: a content property's {@code value} is any JSON (the document's own prose
   * and examples store objects such as {@code {"likes": 5}}), but the generated schema describes
   * the Java wrapper class, an object with one string field {@code value}. Suppressed only for
   * unknown properties inside {@code /value} of the content property writes.
   */
  private static final Set<String> DC_PROPERTY_OPERATIONS =
      Set.of("create_1", "create_2", "update_1");

  private static final Pattern INSIDE_VALUE =
      Pattern.compile("^\\[Path '/value'] .*not allowed by the schema: .*$");

  private static final ValidationErrorsWhitelist DC_SUPPRESSIONS =
      ValidationErrorsWhitelist.create()
          .withRule(
              "DC content property value is any JSON, not the JsonString wrapper",
              (message, operation, request, response) ->
                  request != null
                      && message.getKey().equals(ADDITIONAL)
                      && operationIdIn(operation, DC_PROPERTY_OPERATIONS)
                      && INSIDE_VALUE.matcher(message.getMessage()).matches())
          .withRule(
              "DC schemas say links where the wire format has _links",
              (message, operation, request, response) ->
                  request != null
                      && message.getKey().equals(ADDITIONAL)
                      && operationIdIn(operation, DC_LINKS_OPERATIONS)
                      && ONLY_LINKS_UNKNOWN.matcher(message.getMessage()).matches());

  private static boolean operationIdIn(ApiOperation operation, Set<String> ids) {
    return operation != null
        && operation.getOperation() != null
        && ids.contains(operation.getOperation().getOperationId());
  }

  /**
   * F4 (DC 10.0.3): 110 operations declare the same parameter twice, an untyped {@code string} copy
   * first and the real schema second. swagger-parser reports "There are duplicate parameter values"
   * and the validator refuses to load the document at all, so no message level can help. The parsed
   * JSON is fixed in memory (the file is untouched): of each (name, in) pair only the last
   * declaration — the real schema — is kept, so real type checks (e.g. limit is an int32) still
   * apply.
   */
  private static String dedupeDcParameters(Path file) {
    try {
      ObjectMapper mapper = new ObjectMapper();
      JsonNode root = mapper.readTree(file.toFile());
      for (JsonNode pathItem : root.path("paths")) {
        dedupe(pathItem.get("parameters"));
        for (Map.Entry<String, JsonNode> op : pathItem.properties()) {
          dedupe(op.getValue().get("parameters"));
        }
      }
      return mapper.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void dedupe(JsonNode parameters) {
    if (!(parameters instanceof ArrayNode list)) {
      return;
    }
    for (int i = list.size() - 2; i >= 0; i--) {
      JsonNode p = list.get(i);
      for (int j = i + 1; j < list.size(); j++) {
        JsonNode later = list.get(j);
        if (p.has("name")
            && later.path("name").equals(p.path("name"))
            && later.path("in").equals(p.path("in"))) {
          list.remove(i);
          break;
        }
      }
    }
  }
}
