package dev.conf.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;

/**
 * Configures Logback in code, found through {@code META-INF/services}: no XML to parse at start-up,
 * and never Logback's default of DEBUG on stdout, which would mix library chatter into the data
 * scripts read. Logs go to stderr at WARN; {@code CONF_LOG=debug|info|trace} turns them up for
 * diagnosing conf itself.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("stderr");
    appender.setTarget("System.err");
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("conf: %level %logger{0}: %msg%n");
    encoder.start();
    appender.setEncoder(encoder);
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    root.setLevel(level(System.getenv("CONF_LOG")));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  static Level level(String value) {
    if (value == null || value.isBlank()) {
      return Level.WARN;
    }
    return Level.toLevel(value.trim().toUpperCase(Locale.ROOT), Level.WARN);
  }
}
