package dev.conf.backend.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.ApiRoots;
import dev.conf.backend.v1.CloudV1;
import dev.conf.backend.v1.V1Attachments;
import dev.conf.backend.v1.V1PageItems;
import dev.conf.backend.v2.V2PageItems;
import dev.conf.error.ConfException;
import dev.conf.http.ApiClient;
import dev.conf.service.Attachment;
import dev.conf.service.Capabilities;
import dev.conf.service.Capabilities.Operation;
import dev.conf.service.Comment;
import dev.conf.service.ContentProperty;
import dev.conf.service.ContentType;
import dev.conf.service.Label;
import dev.conf.service.PageItems;
import dev.conf.service.Transfer;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Labels, attachments and comments on Cloud, as a routing table: reads, deletes and comments
 * through {@link V2PageItems}; label writes and uploads through v1 (which serves pages and blog
 * posts alike at {@code /wiki/rest/api/content/{id}/...}) where the profile reaches it, else
 * refused; the space-wide attachment listing through v1's CQL content search.
 */
public final class CloudPageItems implements PageItems {
  private final ApiRoots roots;
  private final ApiClient api;
  private final V2PageItems v2;
  private final V1PageItems v1;
  private final CloudV1 cloudV1;
  private final Capabilities capabilities;

  CloudPageItems(ApiRoots roots, ApiClient api, CloudV1 cloudV1, Capabilities capabilities) {
    this.roots = roots;
    this.api = api;
    this.v2 = new V2PageItems(roots, api);
    this.v1 = new V1PageItems(roots, api);
    this.cloudV1 = cloudV1;
    this.capabilities = capabilities;
  }

  @Override
  public List<Label> labels(ContentType type, String id) {
    return v2.labels(type, id);
  }

  /** v1, all labels in one request. */
  @Override
  public void addLabels(String id, List<String> names) {
    require(Operation.LABEL_WRITES);
    try {
      cloudV1.addLabels(id, names);
    } catch (ConfException e) {
      throw V2PageItems.notFound(e, null, id);
    }
  }

  /** v1, as Data Center spells it. */
  @Override
  public void removeLabel(String id, String name) {
    require(Operation.LABEL_WRITES);
    v1.removeLabel(id, name);
  }

  @Override
  public List<Attachment> attachments(ContentType type, String id, long limit) {
    return v2.attachments(type, id, limit);
  }

  /** v1 CQL content search: v2 has no space-wide attachment listing. */
  @Override
  public List<Attachment> attachmentsInSpace(String spaceKey) {
    return v1.attachmentsInSpace(spaceKey);
  }

  @Override
  public Attachment attachment(String id) {
    return v2.attachment(id);
  }

  /** v2 finds an attachment of the same name; v1 uploads (v2 has no upload). */
  @Override
  public Attachment uploadAttachment(
      ContentType type,
      String pageId,
      Path file,
      String name,
      String comment,
      boolean minor,
      Transfer progress) {
    require(Operation.ATTACHMENT_UPLOAD);
    String existing = v2.attachmentNamed(type, pageId, name);
    return V1Attachments.upload(
        api,
        roots.v1Content(pageId).build(),
        existing,
        file,
        name,
        comment,
        minor,
        progress,
        roots.v1(),
        pageId);
  }

  @Override
  public long downloadAttachment(Attachment a, OutputStream out, Transfer progress) {
    return v2.downloadAttachment(a, out, progress);
  }

  @Override
  public void deleteAttachment(Attachment a) {
    v2.deleteAttachment(a);
  }

  @Override
  public List<Comment> comments(ContentType type, String id, boolean inline, long limit) {
    return v2.comments(type, id, inline, limit);
  }

  @Override
  public Comment addComment(ContentType type, String id, String storageBody, String replyTo) {
    return v2.addComment(type, id, storageBody, replyTo);
  }

  @Override
  public Comment addInlineComment(
      ContentType type,
      String id,
      String storageBody,
      String selection,
      int matchCount,
      int matchIndex) {
    return v2.addInlineComment(type, id, storageBody, selection, matchCount, matchIndex);
  }

  @Override
  public Comment resolveComment(String id, boolean resolved) {
    return v2.resolveComment(id, resolved);
  }

  @Override
  public Comment comment(String id) {
    return v2.comment(id);
  }

  @Override
  public void deleteComment(String id) {
    v2.deleteComment(id);
  }

  @Override
  public List<ContentProperty> properties(ContentType type, String id) {
    return v2.properties(type, id);
  }

  @Override
  public ContentProperty property(ContentType type, String id, String key) {
    return v2.property(type, id, key);
  }

  @Override
  public ContentProperty setProperty(
      ContentType type, String id, String key, JsonNode value, ContentProperty existing) {
    return v2.setProperty(type, id, key, value, existing);
  }

  @Override
  public void deleteProperty(ContentType type, String id, ContentProperty existing) {
    v2.deleteProperty(type, id, existing);
  }

  private void require(Operation op) {
    if (!capabilities.can(op)) {
      throw Capabilities.refusal(op);
    }
  }
}
