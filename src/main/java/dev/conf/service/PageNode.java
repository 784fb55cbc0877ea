package dev.conf.service;

/**
 * One entry of a page tree, as the descendant and children operations give it: just enough to place
 * it.
 *
 * @param type {@code page}, or on Cloud also {@code folder}, {@code whiteboard}, {@code database},
 *     {@code embed}
 * @param parentId the parent's id; null at the top of a space
 * @param position the position among its siblings where the server says (Cloud), else null
 * @param version the page's current version number where the listing says (Cloud space listings,
 *     Data Center listings), else null (Cloud descendants, folders)
 */
public record PageNode(
    String id, String title, String type, String parentId, Integer position, Integer version) {}
