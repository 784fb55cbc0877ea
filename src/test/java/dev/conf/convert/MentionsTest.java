package dev.conf.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mentions read as {@code @Display Name}, and the name never changes what a round trip saves. */
class MentionsTest {
  static final String ANN = "<ac:link><ri:user ri:account-id=\"557058:ann\"/></ac:link>";
  static final String KEY = "<ac:link><ri:user ri:userkey=\"8a7f80\" /></ac:link>";
  static final String NAME = "<ac:link><ri:user ri:username=\"jdoe\"/></ac:link>";
  static final Mentions NAMES =
      Mentions.of(Map.of("557058:ann", "Ann <Q&A> Author", "8a7f80", "Kim"));

  @Test
  void findsAccountIdsAndUserKeysOnceEachInOrder() {
    assertThat(Mentions.ids("<p>" + KEY + ANN + KEY + NAME + "</p>"))
        .containsExactly("8a7f80", "557058:ann");
    assertThat(Mentions.ids("<p>no one</p>")).isEmpty();
    assertThat(Mentions.ids(null)).isEmpty();
  }

  @Test
  void textShowsNamesIdsWhereUnknownAndUsernamesAsTheyAre() {
    String storage = "<p>Ask " + ANN + ", " + KEY + " or " + NAME + ".</p>";
    assertThat(StorageText.toText(storage, NAMES))
        .isEqualTo("Ask @Ann <Q&A> Author, @Kim or @jdoe.\n");
    assertThat(StorageText.toText(storage)).isEqualTo("Ask @557058:ann, @8a7f80 or @jdoe.\n");
  }

  @Test
  void aMentionWithItsOwnLinkTextKeepsIt() {
    String storage =
        "<p><ac:link><ri:user ri:account-id=\"557058:ann\"/>"
            + "<ac:plain-text-link-body><![CDATA[the author]]></ac:plain-text-link-body></ac:link></p>";
    assertThat(StorageText.toText(storage, NAMES)).isEqualTo("the author\n");
  }

  @Test
  void markdownCarriesTheNameInTheTextAndTheIdInTheTarget() {
    String storage = "<p>Thanks " + ANN + "</p>";
    String md = StorageToMarkdown.convert(storage, ConvertOptions.defaults(), NAMES);
    assertThat(md).isEqualTo("Thanks [@Ann \\<Q&A> Author](conf:user?account-id=557058%3Aann)\n");
    assertThat(MarkdownToStorage.convert(md).storage())
        .isEqualTo(MarkdownToStorage.convert(StorageToMarkdown.convert(storage)).storage())
        .contains("<ri:user ri:account-id=\"557058:ann\"/>");
  }
}
