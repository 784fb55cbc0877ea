package dev.conf.convert;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Code block languages as Confluence's {@code code} macro names them. Cloud highlights many
 * languages and shows any other as plain text; Data Center's macro knows a fixed list and renders
 * an error ("Invalid value specified for parameter") for anything else, so a page for Data Center
 * must use one of its names or none.
 */
public final class CodeLanguages {
  /** What Data Center's code macro accepts, by the names Markdown authors write. */
  private static final Map<String, String> DATA_CENTER =
      Map.ofEntries(
          Map.entry("actionscript", "actionscript3"),
          Map.entry("actionscript3", "actionscript3"),
          Map.entry("applescript", "applescript"),
          Map.entry("bash", "bash"),
          Map.entry("sh", "bash"),
          Map.entry("shell", "bash"),
          Map.entry("zsh", "bash"),
          Map.entry("console", "bash"),
          Map.entry("c#", "c#"),
          Map.entry("cs", "c#"),
          Map.entry("csharp", "c#"),
          Map.entry("cpp", "cpp"),
          Map.entry("c++", "cpp"),
          Map.entry("c", "cpp"),
          Map.entry("css", "css"),
          Map.entry("coldfusion", "coldfusion"),
          Map.entry("cf", "coldfusion"),
          Map.entry("delphi", "delphi"),
          Map.entry("pascal", "delphi"),
          Map.entry("diff", "diff"),
          Map.entry("patch", "diff"),
          Map.entry("erl", "erl"),
          Map.entry("erlang", "erl"),
          Map.entry("groovy", "groovy"),
          Map.entry("xml", "xml"),
          Map.entry("html", "xml"),
          Map.entry("xhtml", "xml"),
          Map.entry("svg", "xml"),
          Map.entry("java", "java"),
          Map.entry("jfx", "jfx"),
          Map.entry("javafx", "jfx"),
          Map.entry("js", "js"),
          Map.entry("javascript", "js"),
          Map.entry("json", "js"),
          Map.entry("php", "php"),
          Map.entry("perl", "perl"),
          Map.entry("pl", "perl"),
          Map.entry("text", "text"),
          Map.entry("txt", "text"),
          Map.entry("plain", "text"),
          Map.entry("plaintext", "text"),
          Map.entry("powershell", "powershell"),
          Map.entry("ps1", "powershell"),
          Map.entry("py", "py"),
          Map.entry("python", "py"),
          Map.entry("ruby", "ruby"),
          Map.entry("rb", "ruby"),
          Map.entry("sql", "sql"),
          Map.entry("sass", "sass"),
          Map.entry("scss", "sass"),
          Map.entry("scala", "scala"),
          Map.entry("vb", "vb"),
          Map.entry("vbnet", "vb"),
          Map.entry("yml", "yml"),
          Map.entry("yaml", "yml"));

  private CodeLanguages() {}

  /** Cloud: the language as written. */
  public static Optional<String> cloud(String language) {
    return Optional.of(language);
  }

  /**
   * Data Center: the macro's name for the language, or empty (plain text) for one it does not
   * highlight.
   */
  public static Optional<String> dataCenter(String language) {
    return Optional.ofNullable(DATA_CENTER.get(language.toLowerCase(Locale.ROOT)));
  }
}
