#!/bin/sh
# Times the text `conf page view` prints on a terminal (convert/ReadableText) for a generated page of
# N blocks (headings, paragraphs with links, nested numbered lists, a table, code, an info panel),
# against the flat StorageText form it replaced: the first render in a fresh JVM (what one `page view`
# pays) and the median of later ones. Needs target/conf.jar (./mvnw -B -q package -DskipTests).
# Usage: bench/view-text.sh [BLOCKS]        (default 2000)
set -eu
cd "$(dirname "$0")/.."
blocks=${1:-2000}
jar=target/conf.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$blocks" > "$work/page.xml" <<'PY'
import sys
n = int(sys.argv[1])
out = []
for i in range(n):
    k = i % 6
    if k == 0:
        out.append(f"<h2>Section {i}</h2>")
    elif k == 1:
        out.append(f"<p>Paragraph {i} with <strong>bold</strong> text and <a href=\"https://example.com/{i}\">a link</a> "
                   + "that runs long enough to be wrapped at a terminal's width more than once. " * 2 + "</p>")
    elif k == 2:
        out.append("<ol><li><p>first step</p></li><li>second<ul><li>nested a</li><li>nested b</li></ul></li></ol>")
    elif k == 3:
        out.append("<table><tbody><tr><th>Key</th><th>Value</th></tr>"
                   + "".join(f"<tr><td>k{j}</td><td>value {j}</td></tr>" for j in range(4)) + "</tbody></table>")
    elif k == 4:
        out.append("<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">sh</ac:parameter>"
                   f"<ac:plain-text-body><![CDATA[echo {i}\nexit 0]]></ac:plain-text-body></ac:structured-macro>")
    else:
        out.append("<ac:structured-macro ac:name=\"info\"><ac:rich-text-body><p>Note "
                   f"{i}</p></ac:rich-text-body></ac:structured-macro>")
print("".join(out))
PY
cat > "$work/Bench.java" <<'JAVA'
import dev.conf.convert.ReadableText;
import dev.conf.convert.StorageText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

public class Bench {
  public static void main(String[] a) throws Exception {
    String storage = Files.readString(Path.of(a[0]));
    ReadableText.Options options = ReadableText.Options.plain(100);
    long t0 = System.nanoTime();
    String text = ReadableText.render(storage, options);
    long first = System.nanoTime() - t0;
    t0 = System.nanoTime();
    String flat = StorageText.toText(storage);
    long flatFirst = System.nanoTime() - t0;
    long[] runs = new long[15];
    long[] flatRuns = new long[15];
    for (int i = 0; i < runs.length; i++) {
      t0 = System.nanoTime();
      ReadableText.render(storage, options);
      runs[i] = System.nanoTime() - t0;
      t0 = System.nanoTime();
      StorageText.toText(storage);
      flatRuns[i] = System.nanoTime() - t0;
    }
    Arrays.sort(runs);
    Arrays.sort(flatRuns);
    System.out.printf(
        "storage %,d chars -> text %,d lines%n"
            + "ReadableText: first %.0f ms, median of 15 later %.1f ms%n"
            + "StorageText:  first %.0f ms, median of 15 later %.1f ms (%,d lines)%n",
        storage.length(), text.lines().count(), first / 1e6, runs[7] / 1e6,
        flatFirst / 1e6, flatRuns[7] / 1e6, flat.lines().count());
  }
}
JAVA
java -cp "$jar" "$work/Bench.java" "$work/page.xml"
