package dev.conf.service;

/**
 * A long-running server task (Cloud's hierarchy copy) as last seen.
 *
 * @param percent 0..100
 * @param destinationId the page the task created, when it says
 * @param message the server's last message, or null
 */
public record TaskStatus(
    String id,
    boolean finished,
    boolean successful,
    int percent,
    String destinationId,
    String message) {}
