package dev.conf.http;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.util.Locale;

/**
 * What the API gateway's own refusals mean, in one line each: a 410 Gone is a v1 route Confluence
 * Cloud no longer serves to OAuth apps, and a 401 with {@code X-Failure-Category:
 * FAILURE_CLIENT_SCOPE_CHECK} a token whose scopes do not cover the call.
 */
final class GatewayErrors {
  private GatewayErrors() {}

  /**
   * The explanation of a gateway refusal, or null when the answer is not one.
   *
   * @param command the command that made the call ({@code conf page move}), or null
   */
  static ConfException explain(
      String method, String path, int status, String failureCategory, String command) {
    if (!path.contains("/ex/confluence/")) {
      return null; // not the gateway: a site's own 410 or 401 means what it says
    }
    if (status == 410) {
      return new ConfException(
          ExitCode.ERROR,
          "Confluence Cloud no longer serves "
              + what(method, path)
              + " to OAuth apps ("
              + method
              + " "
              + path
              + " answered 410 Gone)"
              + (command == null ? "" : "; `" + command + "` needs it")
              + ": a profile logged in with an API token (`conf auth login --url ... --email ..."
              + " --with-token`) can do it");
    }
    if (status == 401
        && failureCategory != null
        && failureCategory.equalsIgnoreCase("FAILURE_CLIENT_SCOPE_CHECK")) {
      String family = family(path);
      String verb = verb(method);
      return new ConfException(
          ExitCode.AUTH,
          "the token's scopes do not cover "
              + (command == null
                  ? method + " " + path
                  : "`" + command + "` (" + method + " " + path + ")")
              + ": it needs a "
              + verb
              + " scope of the "
              + family
              + " family (e.g. "
              + verb
              + ":"
              + family
              + ":confluence"
              + (path.contains("/rest/api/")
                  ? ", which v1 routes take only as a classic scope"
                  : "")
              + "); add it to the token or app and log in again");
    }
    return null;
  }

  /** The kind of resource a path is about, as Atlassian's granular scopes name it. */
  static String family(String path) {
    int at = path.indexOf("/wiki/api/v2/");
    int skip = "/wiki/api/v2/".length();
    if (at < 0) {
      at = path.indexOf("/wiki/rest/api/");
      skip = "/wiki/rest/api/".length();
    }
    String word = "content";
    if (at >= 0) {
      for (String segment : path.substring(at + skip).split("/")) {
        if (segment.matches("[a-z][a-z-]*") && !segment.equals("child")) {
          word = segment;
        }
      }
    }
    return switch (word) {
      case "pages", "page", "blogposts", "children", "ancestors", "descendants", "versions" ->
          "page";
      case "spaces", "space" -> "space";
      case "labels", "label" -> "label";
      case "attachments", "attachment" -> "attachment";
      case "footer-comments", "inline-comments", "comment" -> "comment";
      case "user", "current" -> "user";
      case "folders" -> "folder";
      default -> "content";
    };
  }

  private static String verb(String method) {
    return switch (method.toUpperCase(Locale.ROOT)) {
      case "GET", "HEAD" -> "read";
      case "DELETE" -> "delete";
      default -> "write";
    };
  }

  /** What a removed v1 route did, for the message. */
  private static String what(String method, String path) {
    String family = family(path);
    boolean read = verb(method).equals("read");
    if (path.contains("/copy")) {
      return "page copies (v1 copy)";
    }
    if (path.contains("/move/")) {
      return "v1 page moves";
    }
    return switch (family) {
      case "label" -> read ? "v1 label reads" : "label changes (v1 labels)";
      case "attachment" -> read ? "v1 attachment reads" : "attachment uploads (v1)";
      case "comment" -> "v1 comment routes";
      case "space" -> "v1 space routes";
      default -> "v1 content routes";
    };
  }
}
