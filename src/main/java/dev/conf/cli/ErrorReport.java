package dev.conf.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.util.Json;
import java.util.List;
import java.util.Map;

/**
 * A failure as a script reads it: with {@code --json} or {@code --jq} on the command line, or
 * {@code CONF_ERROR_FORMAT=json}, one JSON object on one line of stderr instead of the {@code conf:
 * ...} line:
 *
 * <pre>
 * {"error":{"code":"conflict","exit":5,"message":"...","status":409,
 *           "request":"PUT /wiki/api/v2/pages/123","hint":"..."}}
 * </pre>
 *
 * {@code status}, {@code request} and {@code hint} are left out when there are none. The codes are
 * documented in docs/json.md; {@link #code} is the one place that derives them.
 */
record ErrorReport(
    ExitCode exit, String code, String message, Integer status, String request, String hint) {

  /**
   * Whether failures of this command line print as JSON. A command line that does not parse (usage
   * errors, an unknown JSON field) asks with {@code CONF_ERROR_FORMAT=json} alone: its {@code
   * --json} may be the very thing that is wrong, and the parser's message, with the list of fields,
   * is for the person writing the script.
   */
  static boolean wanted(Map<String, String> env, String... args) {
    if ("json".equalsIgnoreCase(String.valueOf(env.get("CONF_ERROR_FORMAT")).trim())) {
      return true;
    }
    for (String a : args == null ? new String[0] : args) {
      if (a.equals("--")) {
        return false;
      }
      if (a.equals("--json") || a.startsWith("--json=") || a.equals("--jq")) {
        return true;
      }
    }
    return false;
  }

  static ErrorReport of(ConfException e) {
    Integer status = e.status();
    String request = e.request();
    String hint = e.hint();
    String code = e.code();
    // A command that re-throws an HTTP failure in its own words keeps the answer as its cause.
    for (Throwable c = e.getCause(); c != null && status == null; c = c.getCause()) {
      if (c instanceof ConfException http && http.status() != null) {
        status = http.status();
        request = http.request();
        hint = hint != null ? hint : http.hint();
      }
    }
    return new ErrorReport(
        e.exitCode(), code(e.exitCode(), code, status), e.getMessage(), status, request, hint);
  }

  /** The error code: the explicit one, else the exit code's name (403: {@code forbidden}). */
  static String code(ExitCode exit, String explicit, Integer status) {
    if (explicit != null) {
      return explicit;
    }
    return switch (exit) {
      case OK -> "ok";
      case USAGE -> "usage";
      case NOT_FOUND -> "not_found";
      case AUTH -> status != null && status == 403 ? "forbidden" : "auth";
      case CONFLICT -> "conflict";
      case RATE_LIMITED -> "rate_limited";
      case ERROR -> "error";
    };
  }

  /** Every code {@link #code} can give, and the explicit ones commands set (docs/json.md). */
  static final List<String> CODES =
      List.of(
          "usage",
          "not_found",
          "auth",
          "forbidden",
          "read_only",
          "conflict",
          "rate_limited",
          "error");

  String toJson() {
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", code);
    error.put("exit", exit.code());
    error.put("message", message);
    if (status != null) {
      error.put("status", status);
    }
    if (request != null) {
      error.put("request", request);
    }
    if (hint != null) {
      error.put("hint", hint);
    }
    return root.toString();
  }
}
