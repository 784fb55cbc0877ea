/** {@code conf blog ...}: the shared content commands of {@code cli.page}, for blog posts. */
package dev.conf.cli.blog;
