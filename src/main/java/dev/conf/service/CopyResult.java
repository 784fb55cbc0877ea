package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a copy produced: the new page, or for a server-side copy of a hierarchy the long-running
 * task doing it.
 *
 * @param id the new page's id, or null while a task runs
 * @param pages how many pages were created (0 when a server task does the work)
 * @param taskId the server's long-running task, or null
 */
@JsonPropertyOrder({"id", "title", "url", "pages", "taskId"})
public record CopyResult(String id, String title, String url, int pages, String taskId) {}
