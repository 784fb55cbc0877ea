package dev.conf.cli.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@code page|blog update}, without a server. */
class UpdatePlanTest {
  static Page page(String title, int version, String body) {
    return new Page(
        "42", "page", title, "current", null, "ENG", null, version, null, null, null, null, null,
        null, List.of(), "storage", body);
  }

  static LocalImages.Image image(String name) {
    return new LocalImages.Image(name, Path.of(name), 3, "sha256:ab");
  }

  @Test
  void theInputIsCheckedBeforeAnyRequest() {
    assertThatThrownBy(() -> UpdatePlan.checkInput(null, null, false))
        .hasMessage("nothing to update: give --title, --file F or - (stdin)");
    assertThatThrownBy(() -> UpdatePlan.checkInput(" \n", null, false))
        .hasMessageStartingWith("the new body is empty; nothing was sent");
    UpdatePlan.checkInput("", null, true); // --allow-empty
    assertThatThrownBy(() -> UpdatePlan.checkInput(null, " ", false))
        .hasMessage("--title must not be empty");
  }

  @Test
  void anotherVersionThanIfVersionIsAConflictNamingBoth() {
    UpdatePlan.checkVersion(ContentType.PAGE, "42", page("T", 3, "b"), 3);
    UpdatePlan.checkVersion(ContentType.PAGE, "42", page("T", 3, "b"), null);
    assertThatThrownBy(
            () -> UpdatePlan.checkVersion(ContentType.BLOGPOST, "42", page("T", 4, ""), 3))
        .isInstanceOfSatisfying(
            ConfException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.CONFLICT))
        .hasMessage("blog post 42 is at version 4, not 3 (--if-version): nothing was changed");
  }

  @Test
  void whatIsNotGivenIsKeptAndOnlyTrailingWhitespaceCountsAsTheSame() {
    Page current = page("Title", 7, "<p>x</p>");
    UpdatePlan keep = UpdatePlan.of(ContentType.PAGE, "42", current, null, "<p>x</p>\n", List.of());
    assertThat(keep.title()).isEqualTo("Title");
    assertThat(keep.changesNothing()).isTrue();
    assertThat(keep.unchangedNotice())
        .isEqualTo(
            "No changes: page 'Title' (42) already has this title and body at version 7; nothing"
                + " was sent.");
    UpdatePlan retitle = UpdatePlan.of(ContentType.PAGE, "42", current, "New", null, List.of());
    assertThat(retitle.body()).isEqualTo("<p>x</p>");
    assertThat(retitle.changesNothing()).isFalse();
    assertThat(retitle.update("msg", true))
        .satisfies(u -> assertThat(u.title()).isEqualTo("New"))
        .satisfies(u -> assertThat(u.current()).isSameAs(current))
        .satisfies(u -> assertThat(u.minor()).isTrue());
    assertThat(UpdatePlan.of(ContentType.PAGE, "42", current, null, " <p>x</p>", List.of()))
        .returns(false, UpdatePlan::changesNothing);
  }

  @Test
  void uploadedImagesAreNamedInTheNoticesAndInAConflict() {
    Page current = page("T", 2, "b");
    UpdatePlan plan =
        UpdatePlan.of(
            ContentType.PAGE, "42", current, null, "b", List.of(image("a.png"), image("b.png")));
    assertThat(plan.unchangedNotice()).endsWith("; not saved again; uploaded 2 images.");
    assertThat(plan.updatedNotice(page("T", 3, "c")))
        .isEqualTo("Updated page 'T' (42) to version 3; uploaded 2 images.");
    assertThat(plan.conflict("5"))
        .isEqualTo(
            "page 42 changed on the server since it was read: this update was based on version 2"
                + " and the server now has version 5; nothing was overwritten (its images were"
                + " uploaded already: a.png, b.png). Fetch it again and re-apply your change.");
    assertThat(UpdatePlan.of(ContentType.PAGE, "42", current, "U", null, List.of()).conflict("5"))
        .endsWith("; nothing was overwritten. Fetch it again and re-apply your change.");
  }
}
