package dev.conf.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -f and -F as gh api reads them: types, files, nesting. */
class ApiFieldsTest {
  @TempDir Path dir;

  private static ApiFields.Field typed(String arg) {
    return ApiFields.parse(arg, true, () -> "from stdin");
  }

  @Test
  void typedFieldsBecomeJsonLiteralsAndRawFieldsStayStrings() {
    assertThat(typed("n=42").value().isNumber()).isTrue();
    assertThat(typed("n=-7").value().asLong()).isEqualTo(-7);
    assertThat(typed("b=true").value().isBoolean()).isTrue();
    assertThat(typed("z=null").value().isNull()).isTrue();
    assertThat(typed("s=4.5").value().isTextual()).isTrue();
    assertThat(typed("s=007").value().isTextual()).isTrue();
    assertThat(ApiFields.parse("n=42", false, () -> "").value().isTextual()).isTrue();
    assertThat(ApiFields.parse("eq=a=b", false, () -> "").value().asText()).isEqualTo("a=b");
  }

  @Test
  void atReadsAFileOrStdin() throws Exception {
    Path f = dir.resolve("body.html");
    Files.writeString(f, "<p>Hi</p>\n");
    assertThat(typed("v=@" + f).value().asText()).isEqualTo("<p>Hi</p>\n");
    assertThat(typed("v=@-").value().asText()).isEqualTo("from stdin");
    assertThat(ApiFields.parse("v=@x", false, () -> "").value().asText()).isEqualTo("@x");
  }

  @Test
  void bracketedKeysNestObjectsAndAppendToArrays() {
    var body =
        ApiFields.body(
            List.of(
                typed("title=T"),
                typed("version[number]=2"),
                typed("body[storage][value]=<p/>"),
                typed("labels[]=a"),
                typed("labels[]=b"),
                typed("props[][key]=k")));
    assertThat(body.toString())
        .isEqualTo(
            "{\"title\":\"T\",\"version\":{\"number\":2},\"body\":{\"storage\":{\"value\":\"<p/>\"}},"
                + "\"labels\":[\"a\",\"b\"],\"props\":[{\"key\":\"k\"}]}");
  }

  @Test
  void malformedFieldsAreRefused() {
    assertThatThrownBy(() -> typed("novalue")).hasMessage("field 'novalue' is not key=value");
    assertThatThrownBy(() -> typed("=x")).hasMessage("field '=x' is not key=value");
    assertThatThrownBy(() -> ApiFields.body(List.of(typed("a[b]x]=1"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFileThatIsNotUtf8IsSaidSo() throws Exception {
    Path f = dir.resolve("latin1.txt");
    Files.write(f, new byte[] {'c', 'a', 'f', (byte) 0xe9});
    assertThatThrownBy(() -> typed("v=@" + f))
        .hasMessage("cannot read " + f + ": it is not UTF-8 text (send binary data with --input)");
  }
}
