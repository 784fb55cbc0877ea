package dev.conf.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Two or three real invocations of a command, shown in its {@code --help} under "Examples:" (as
 * {@code gh} does). Every command carries one; {@code HelpLayoutTest} walks the command tree and
 * fails for a command without it. Each line is one shell line; a line starting with {@code #}
 * explains the one after it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Examples {
  String[] value();
}
