package dev.weft.explorer.report.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/reading-a-report.md's table of edge kinds lists every kind the graphs use, in order. */
class EdgeKindDocsTest {
  private static final Path PAGE = Path.of("../docs/reading-a-report.md");
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|");

  @Test
  void theTableOfEdgeKindsNamesEveryKind() throws IOException {
    String page = Files.readString(PAGE);
    String table = page.substring(page.indexOf("Each edge has a `kind`:"));
    table = table.substring(0, table.indexOf("\n\n", table.indexOf("| kind |")));
    Matcher row = ROW.matcher(table);
    List<String> documented = new ArrayList<>();
    while (row.find()) documented.add(row.group(1));
    assertEquals(Arrays.stream(EdgeKind.values()).map(EdgeKind::label).toList(), documented);
  }
}
