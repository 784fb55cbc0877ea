package dev.conf.service;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the site conf talks to can do, for commands to ask instead of which deployment or API
 * version it is. Decided with the backend, in {@code dev.conf.backend.Backends}.
 *
 * @param minorEdits an edit can be saved as minor (no notifications)
 * @param moveAcrossSpaces {@code page move} can put a page under a parent in another space
 * @param folders the page tree can hold folders (and other non-page content)
 * @param codeLanguage Markdown to storage: a fenced block's language to the name the site's {@code
 *     code} macro knows, or empty for none; every conversion for this site uses this one
 * @param lacking operations this profile cannot reach on this site, each refused with {@link
 *     #refusal} before any request
 */
public record Capabilities(
    boolean minorEdits,
    boolean moveAcrossSpaces,
    boolean folders,
    Function<String, Optional<String>> codeLanguage,
    Set<Operation> lacking) {

  public Capabilities {
    lacking = Set.copyOf(lacking);
  }

  /** Operations a profile may lack. */
  public enum Operation {
    LABEL_WRITES("adding and removing labels"),
    ATTACHMENT_UPLOAD("uploading attachments"),
    PAGE_COPY("copying pages"),
    RESTRICTIONS("reading and changing page restrictions");

    private final String doing;

    Operation(String doing) {
      this.doing = doing;
    }

    /** What the operation is, as a gerund phrase: "copying pages". */
    public String doing() {
      return doing;
    }
  }

  /** Whether this profile can do {@code op}. */
  public boolean can(Operation op) {
    return !lacking.contains(op);
  }

  /**
   * The error for an operation this profile lacks: Confluence Cloud serves it only through REST v1,
   * which its API gateway no longer serves to OAuth apps. Exit 1, not a usage error: the command
   * was right, the profile cannot do it.
   */
  public static ConfException refusal(Operation op) {
    return new ConfException(
        ExitCode.ERROR,
        "Confluence Cloud no longer serves "
            + op.doing()
            + " to OAuth apps (only its REST v1 has the operation, which the API gateway has"
            + " removed for them); a profile logged in with an API token (conf auth login --url"
            + " https://<site>.atlassian.net) can do it");
  }
}
