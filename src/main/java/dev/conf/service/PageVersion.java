package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One version of a page ({@code conf page history}).
 *
 * @param author display name where the deployment gives one, else the account id
 * @param date when it was written (ISO-8601)
 */
@JsonPropertyOrder({"number", "author", "date", "message", "minorEdit"})
public record PageVersion(
    int number, String author, String date, String message, boolean minorEdit) {}
