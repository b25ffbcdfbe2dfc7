package org.complaintdesk.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

  @Test
  void aBareWordIsATerm() {
    assertThat(QueryParser.parse("NimbusAir")).isEqualTo(new QueryNode.Term("NimbusAir", 1));
    assertThat(QueryParser.parse("Crumb&Co")).isEqualTo(new QueryNode.Term("Crumb&Co", 1));
  }

  @Test
  void parsesTheWholeLanguageIntoAnAst() {
    QueryNode ast =
        QueryParser.parse(
            "(NimbusAir OR \"Nimbus Air\") #nimbusfail @NimbusHelp -job lang:en -from:@NimbusAir");
    assertThat(ast)
        .isEqualTo(
            new QueryNode.And(
                List.of(
                    new QueryNode.Or(
                        List.of(
                            new QueryNode.Term("NimbusAir", 2),
                            new QueryNode.Phrase("Nimbus Air", 15))),
                    new QueryNode.Hashtag("nimbusfail", 29),
                    new QueryNode.Mention("NimbusHelp", 41),
                    new QueryNode.Not(new QueryNode.Term("job", 54), 53),
                    new QueryNode.Lang("en", 58),
                    new QueryNode.Not(new QueryNode.From("NimbusAir", 67), 66))));
  }

  @Test
  void orBindsLooserThanAnd() {
    assertThat(QueryParser.parse("a b OR c"))
        .isEqualTo(
            new QueryNode.Or(
                List.of(
                    new QueryNode.And(
                        List.of(new QueryNode.Term("a", 1), new QueryNode.Term("b", 3))),
                    new QueryNode.Term("c", 8))));
    // Lower-case "or" is just a word.
    assertThat(QueryParser.parse("this or that")).isInstanceOf(QueryNode.And.class);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                         | empty query",
        "'   '                      | empty query",
        "'Nimbus \"lost luggage'    | unbalanced quote at position 8",
        "'\"'                       | unbalanced quote at position 1",
        "'-refund'                  | query has only exclusions or filters",
        "'-refund -from:NimbusAir'  | query has only exclusions or filters",
        "'lang:en'                  | query has only exclusions or filters",
        "'Nimbus OR -refund'        | an OR alternative has only exclusions or filters at position 11",
        "'OR Nimbus'                | OR needs a term on both sides at position 1",
        "'Nimbus OR'                | OR needs a term on both sides at position 8",
        "'Nimbus OR OR Voltara'     | OR needs a term on both sides at position 8",
        "'(Nimbus'                  | unbalanced '(' at position 1",
        "'Nimbus)'                  | unbalanced ')' at position 7",
        "'Nimbus ()'                | empty parentheses at position 9",
        "'Nimbus - refund'          | '-' must be followed by what to exclude at position 8",
        "'Nimbus --refund'          | double '-' at position 9",
        "'Nimbus \"\"'              | empty phrase at position 8",
        "'Nimbus lang:english1'     | lang: needs a language code such as lang:en or lang:fa at position 8",
        "'Nimbus # '                | '#' must be followed by a hashtag at position 8",
        "'Nimbus @'                 | '@' must be followed by a handle at position 8",
        "'Nimbus from:'             | from: needs an account handle such as from:NimbusAir at position 8",
      })
  void badQueriesSayWhatAndWhere(String query, String message) {
    assertThatThrownBy(() -> QueryParser.parse(query))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageStartingWith(message.strip());
  }

  @Test
  void tooLongQueriesAreRefused() {
    assertThatThrownBy(() -> QueryParser.parse("a ".repeat(300)))
        .hasMessageContaining("the limit is 500");
  }
}
