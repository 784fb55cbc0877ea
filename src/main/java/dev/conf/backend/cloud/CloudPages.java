package dev.conf.backend.cloud;

import dev.conf.backend.ApiRoots;
import dev.conf.backend.v1.CloudV1;
import dev.conf.backend.v2.V2Pages;
import dev.conf.http.ApiClient;
import dev.conf.service.BodyFormat;
import dev.conf.service.Capabilities;
import dev.conf.service.Capabilities.Operation;
import dev.conf.service.ContentType;
import dev.conf.service.CopyRequest;
import dev.conf.service.CopyResult;
import dev.conf.service.MovePosition;
import dev.conf.service.NewPage;
import dev.conf.service.Page;
import dev.conf.service.PageNode;
import dev.conf.service.PageQuery;
import dev.conf.service.PageUpdate;
import dev.conf.service.PageVersion;
import dev.conf.service.Pages;
import dev.conf.service.TaskStatus;
import dev.conf.service.Template;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Pages and blog posts on Cloud, as a routing table: {@link V2Pages} for everything v2 has; move
 * and copy through {@link CloudV1} where the profile reaches v1, else a v2 move within the space
 * and no copy.
 */
public final class CloudPages implements Pages {
  private final V2Pages v2;
  private final CloudV1 v1;
  private final Capabilities capabilities;

  CloudPages(
      ApiRoots roots,
      ApiClient api,
      Function<String, String> spaceIdOfKey,
      CloudV1 v1,
      Capabilities capabilities) {
    this.v2 = new V2Pages(roots, api, spaceIdOfKey);
    this.v1 = v1;
    this.capabilities = capabilities;
  }

  @Override
  public Page getPage(ContentType type, String id, BodyFormat format, Integer version) {
    return v2.getPage(type, id, format, version);
  }

  @Override
  public Page findByTitle(ContentType type, String spaceKey, String title) {
    return v2.findByTitle(type, spaceKey, title);
  }

  @Override
  public List<Page> listPages(ContentType type, PageQuery query, long limit) {
    return v2.listPages(type, query, limit);
  }

  @Override
  public Page createPage(ContentType type, NewPage page) {
    return v2.createPage(type, page);
  }

  @Override
  public Page updatePage(ContentType type, PageUpdate update) {
    return v2.updatePage(type, update);
  }

  @Override
  public void deletePage(ContentType type, String id, boolean purge) {
    v2.deletePage(type, id, purge);
  }

  @Override
  public void purgePage(ContentType type, String id) {
    v2.purgePage(type, id);
  }

  /** v2: its page update restores trashed content (v1's content update is gone from Cloud). */
  @Override
  public Page restoreFromTrash(ContentType type, Page trashed) {
    return v2.restoreFromTrash(type, trashed);
  }

  @Override
  public List<PageNode> childPages(String id, long limit) {
    return v2.childPages(id, limit);
  }

  @Override
  public List<PageNode> descendants(String id, int maxDepth) {
    return v2.descendants(id, maxDepth);
  }

  @Override
  public List<PageNode> spacePageTree(String spaceKey) {
    return v2.spacePageTree(spaceKey);
  }

  @Override
  public List<PageNode> spacePageTree(String spaceKey, Consumer<PageNode> listed) {
    return v2.spacePageTree(spaceKey, listed);
  }

  @Override
  public Map<String, Integer> pageVersionsById(Collection<String> ids) {
    return v2.pageVersionsById(ids);
  }

  @Override
  public List<PageVersion> pageVersions(ContentType type, String id, long limit) {
    return v2.pageVersions(type, id, limit);
  }

  /** v1's move (any position, any space) where the profile reaches it; else v2's. */
  @Override
  public String movePage(String id, MovePosition position, String targetId) {
    return capabilities.moveAcrossSpaces()
        ? v1.movePage(id, position, targetId)
        : v2.movePage(id, position, targetId);
  }

  /** v1 only: v2 has no copy operation. */
  @Override
  public CopyResult copyPage(CopyRequest request) {
    if (!capabilities.can(Operation.PAGE_COPY)) {
      throw Capabilities.refusal(Operation.PAGE_COPY);
    }
    return v1.copyPage(
        request, id -> v2.getPage(ContentType.PAGE, id, BodyFormat.STORAGE, null).title());
  }

  /** v1 only, as the copies it reports on. */
  @Override
  public TaskStatus copyTask(String taskId) {
    if (!capabilities.can(Operation.PAGE_COPY)) {
      throw Capabilities.refusal(Operation.PAGE_COPY);
    }
    return v1.copyTask(taskId);
  }

  /** v1: v2 has no template operations. */
  @Override
  public List<Template> templates(String spaceKey) {
    return v1.templates(spaceKey);
  }

  @Override
  public Template template(String id) {
    return v1.template(id);
  }

  /** v1: v2 has no restrictions. */
  @Override
  public List<dev.conf.service.Restriction> restrictions(String pageId) {
    requireRestrictions();
    return v1.restrictions(pageId);
  }

  @Override
  public List<dev.conf.service.Restriction> setRestrictions(
      String pageId, List<dev.conf.service.Restriction> all) {
    requireRestrictions();
    return v1.setRestrictions(pageId, all);
  }

  /** v1's {@code /content/{id}/restriction} is a content route the gateway removed for OAuth. */
  private void requireRestrictions() {
    if (!capabilities.can(Operation.RESTRICTIONS)) {
      throw Capabilities.refusal(Operation.RESTRICTIONS);
    }
  }
}
