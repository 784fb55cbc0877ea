/**
 * Data Center sessions: the form login request for {@code dologin.action} and how to read its
 * answer, the cookie jar that sends the session's cookies only to the site's host (never across a
 * redirect to another host, such as an identity provider), the XSRF header writes with a session
 * need, and {@link dev.conf.auth.session.SessionSignals}, which reads a response for the signs that
 * a session has ended (or that a CAPTCHA lock-out is up) and says, in one line, what to do.
 *
 * <p>Used by {@code conf auth login --type session} and {@code --type cookie} and by the HTTP
 * client a stored session connection builds; {@link dev.conf.auth.session.SessionWriteBack} saves
 * the cookies the site renews during a run back to the profile's store, under the profile's lock.
 */
package dev.conf.auth.session;
