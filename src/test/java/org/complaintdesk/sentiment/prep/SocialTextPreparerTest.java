package org.complaintdesk.sentiment.prep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.complaintdesk.sentiment.lexicon.EmojiLexicon;
import org.junit.jupiter.api.Test;

class SocialTextPreparerTest {
  private final SocialTextPreparer preparer =
      new SocialTextPreparer(new EmojiLexicon(Map.of("😡", -1.0, "😍", 1.0)));

  @Test
  void dropsLinksAndLeadingReplyHandlesButKeepsNamesInTheSentence() {
    PreparedText t =
        preparer.prepare("@NimbusAir @help my bag is lost, thanks @Voltara https://t.co/x1");
    assertThat(t.forParsing()).isEqualTo("my bag is lost, thanks Voltara");
    assertThat(t.cues()).extracting(Cue::kind).contains(Cue.Kind.URL, Cue.Kind.HANDLE);
    assertThat(t.words()).contains("<url>", "<user>");
  }

  @Test
  void marksTheWordsThatFollowAClauseMark() {
    PreparedText t = preparer.prepare("Не дали воды, это ужасно… опять — никто");
    assertThat(t.words()).containsExactly("не", "дали", "воды", "это", "ужасно", "опять", "никто");
    assertThat(t.clauseStarts()).containsExactlyInAnyOrder(3, 5, 6);
    assertThat(preparer.prepare("سفارش نرسید، افتضاح").clauseStarts()).containsExactly(2);
  }

  @Test
  void splitsCamelCaseHashtagsIntoWords() {
    PreparedText t = preparer.prepare("Flight cancelled again #NeverAgain #fail");
    assertThat(t.forParsing()).isEqualTo("Flight cancelled again Never Again fail");
    assertThat(t.cues()).filteredOn(c -> c.kind() == Cue.Kind.HASHTAG).hasSize(2);
  }

  @Test
  void removesEmojiFromTheParseButKeepsThemAsScoredCues() {
    PreparedText t = preparer.prepare("lost my bag 😡😡 love the crew though 😍");
    assertThat(t.forParsing()).isEqualTo("lost my bag love the crew though");
    assertThat(t.cues())
        .filteredOn(c -> c.kind() == Cue.Kind.EMOJI)
        .extracting(Cue::text, Cue::polarity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("😡", -1.0),
            org.assertj.core.groups.Tuple.tuple("😡", -1.0),
            org.assertj.core.groups.Tuple.tuple("😍", 1.0));
  }

  @Test
  void readsEmoticonsBothWays() {
    PreparedText t = preparer.prepare("great flight :) but lost bag :( </3");
    assertThat(t.cues())
        .filteredOn(c -> c.kind() == Cue.Kind.EMOTICON)
        .extracting(Cue::polarity)
        .containsExactly(1.0, -1.0, -1.0);
    assertThat(t.forParsing()).isEqualTo("great flight but lost bag");
  }

  @Test
  void shortensElongationsAndLowerCasesShoutingWhileMarkingBoth() {
    PreparedText t = preparer.prepare("sooooo ANGRY right now");
    assertThat(t.forParsing()).isEqualTo("soo angry right now");
    assertThat(t.cues())
        .extracting(Cue::kind, Cue::text)
        .contains(
            org.assertj.core.groups.Tuple.tuple(Cue.Kind.ELONGATION, "sooooo"),
            org.assertj.core.groups.Tuple.tuple(Cue.Kind.SHOUTING, "ANGRY"));
  }

  @Test
  void decodesHtmlEntitiesAndCollapsesPunctuationRuns() {
    PreparedText t = preparer.prepare("fees &amp; delays &gt; patience!!!???");
    assertThat(t.forParsing()).isEqualTo("fees & delays > patience?");
    assertThat(t.cues()).extracting(Cue::kind).contains(Cue.Kind.QUESTION, Cue.Kind.EXCLAMATION);
  }

  @Test
  void mapsAPhraseOfTheParsedTextBackToTheAuthorsWording() {
    String original = "@NimbusAir this is SOOOO BAD &amp; slow";
    PreparedText t = preparer.prepare(original);
    int begin = t.forParsing().indexOf("soo bad");
    assertThat(t.originalOf(begin, begin + "soo bad".length())).isEqualTo("SOOOO BAD");
    int amp = t.forParsing().indexOf("& slow");
    assertThat(t.originalOf(amp, amp + "& slow".length())).isEqualTo("&amp; slow");
  }

  @Test
  void readsAPhonesTypographicApostropheAsTheAsciiOneButQuotesItAsWritten() {
    PreparedText t = preparer.prepare("the food wasn’t good");
    assertThat(t.forParsing()).isEqualTo("the food wasn't good");
    assertThat(t.words()).contains("wasn't");
    int begin = t.forParsing().indexOf("wasn't");
    assertThat(t.originalOf(begin, begin + "wasn't good".length())).isEqualTo("wasn’t good");
  }

  @Test
  void emptyAndNullTextsPrepareToNothing() {
    assertThat(preparer.prepare(null).forParsing()).isEmpty();
    assertThat(preparer.prepare("   ").words()).isEmpty();
  }
}
