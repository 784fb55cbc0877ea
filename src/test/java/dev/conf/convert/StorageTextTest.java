package dev.conf.convert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorageTextTest {
  @Test
  void blocksListsTablesAndEntities() {
    String storage =
        "<h1>Plan &amp; goals</h1><p>Ship&nbsp;it&#33; <a href=\"x\">now</a></p>"
            + "<ul><li>one</li><li>two</li></ul>"
            + "<table><tbody><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>1</td></tr></tbody></table>";
    assertThat(StorageText.toText(storage))
        .isEqualTo("Plan & goals\nShip it! now\n• one\n• two\nk\tv\na\t1\n");
  }

  @Test
  void macroParametersAreDroppedAndCodeKeepsItsLines() {
    String storage =
        "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">java</ac:parameter>"
            + "<ac:plain-text-body><![CDATA[int a = 1;\nint b = 2;]]></ac:plain-text-body>"
            + "</ac:structured-macro><p>after</p>";
    assertThat(StorageText.toText(storage)).isEqualTo("int a = 1;\nint b = 2;\nafter\n");
  }

  @Test
  void emptyIsEmpty() {
    assertThat(StorageText.toText(null)).isEmpty();
    assertThat(StorageText.toText("")).isEmpty();
  }

  @Test
  void tasksShowTheirStateAndBarePageLinksTheirTitle() {
    String storage =
        "<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status>"
            + "<ac:task-body>Write</ac:task-body></ac:task><ac:task><ac:task-id>2</ac:task-id>"
            + "<ac:task-status>incomplete</ac:task-status><ac:task-body>Ship</ac:task-body></ac:task>"
            + "</ac:task-list><p>See <ac:link><ri:page ri:content-title=\"Release &amp; notes\"/>"
            + "</ac:link>.</p>";
    assertThat(StorageText.toText(storage))
        .isEqualTo("[x] Write\n[ ] Ship\nSee Release & notes.\n");
  }
}
