package dev.conf.cli.content;

import dev.conf.error.ConfException;
import dev.conf.service.Label;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The LABEL arguments, checked and lower-cased before anything is sent (exit 2 otherwise). */
public final class LabelNames {
  private LabelNames() {}

  public static List<String> of(List<String> args) {
    Set<String> names = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    for (String a : args) {
      try {
        names.add(Label.normalize(a));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw ConfException.usage(String.join("; ", problems) + "; nothing was changed");
    }
    return List.copyOf(names);
  }
}
