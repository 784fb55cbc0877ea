/**
 * {@code conf config get|set|list|unset}: the non-secret settings in config.json ({@link
 * dev.conf.cli.Settings} names and checks them). Talks to no site.
 */
package dev.conf.cli.config;
