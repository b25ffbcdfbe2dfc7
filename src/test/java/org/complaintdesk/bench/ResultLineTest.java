package org.complaintdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultLineTest {
  @Test
  void printsKeyValuePairsInOrderOnOneLine() {
    String line =
        new ResultLine()
            .put("mentions", 1000)
            .put("per_s", 5234.5678)
            .put("db", "sqlite 3")
            .toString();
    assertThat(line).isEqualTo("RESULT mentions=1000 per_s=5234.5678 db=sqlite_3");
  }
}
