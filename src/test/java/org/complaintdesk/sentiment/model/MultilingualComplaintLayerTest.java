package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.complaintdesk.sentiment.SentimentComponents;
import org.complaintdesk.sentiment.SentimentFixture;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.english.SentenceEncoder;
import org.complaintdesk.sentiment.lexicon.ComplaintCueList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The complaint layer over a multilingual encoder's vectors: {@code train --add
 * multilingual-complaints} learns it from complaint-labelled posts, and the lexicon languages'
 * analyser counts what it finds as a complaint cue. A stand-in encoder places the texts it was told
 * are complaints apart from the rest, in any language, as multilingual BERT is meant to.
 */
class MultilingualComplaintLayerTest {
  private static final String NARRATED =
      "@ShopLine курьер так и не появился, а в приложении написано доставлено";
  private static final String ASKED = "@ShopLine а курьер сегодня появится?";

  /** Two numbers: [1, 0] for a text it was told is a complaint, [0, 1] otherwise. */
  private static final class ComplaintKnowingEncoder implements SentenceEncoder {
    private final Set<String> complaints;
    private final AtomicInteger calls = new AtomicInteger();

    ComplaintKnowingEncoder(Set<String> complaints) {
      this.complaints = complaints;
    }

    @Override
    public String name() {
      return "stand-in";
    }

    @Override
    public float[] encode(String text) {
      calls.incrementAndGet();
      return complaints.contains(text) ? new float[] {1, 0} : new float[] {0, 1};
    }

    @Override
    public int dimensions() {
      return 2;
    }
  }

  private static List<LabelledPost> englishComplaints(int n) {
    List<LabelledPost> posts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      posts.add(
          new LabelledPost(
              "c" + i,
              i % 2 == 0 ? LabelledPost.NEGATIVE : "not_negative",
              "en",
              (i % 2 == 0 ? "@Brand my order " : "@Brand lovely order ") + i,
              1,
              LabelledPost.COMPLAINT));
    }
    return posts;
  }

  private static Set<String> complaintTexts(List<LabelledPost> posts) {
    Set<String> out = new java.util.HashSet<>();
    posts.stream().filter(LabelledPost::isNegative).forEach(p -> out.add(p.text()));
    out.add(NARRATED);
    out.add(ASKED);
    return out;
  }

  private static ModelTrainer trainer(SentimentComponents c, SentenceEncoder encoder) {
    return new ModelTrainer(
        c.preparer(),
        c.english(),
        null,
        encoder,
        null,
        c.languages(),
        c::lexicon,
        SentimentFixture.SMALL_DATA);
  }

  private static LexiconDetractorAnalyzer russian(
      DetractorModel model, ComplaintKnowingEncoder encoder) {
    SentimentComponents c = SentimentFixture.components();
    return new LexiconDetractorAnalyzer(
        c.lexicon("ru"),
        ComplaintCueList.bundled("ru"),
        model.lexicon(),
        c.preparer(),
        0.4,
        model.version(),
        model.multilingualComplaints(),
        model.multilingualComplaints() == null ? null : encoder);
  }

  @Test
  void aComplaintNarratedWithoutAListedWordIsFoundAcrossLanguages(@TempDir Path dir)
      throws Exception {
    List<LabelledPost> posts = englishComplaints(40);
    var encoder = new ComplaintKnowingEncoder(complaintTexts(posts));
    SentimentComponents c = SentimentFixture.components();
    DetractorModel base = SentimentFixture.model();
    DetractorModel model =
        trainer(c, encoder).withMultilingualComplaints(base, posts, List.of("sample"), "with");
    Path file = dir.resolve("model.ser.gz");
    model.save(file);
    model = DetractorModel.load(file);

    MultilingualComplaintLayer layer = model.multilingualComplaints();
    assertThat(layer.encoder()).isEqualTo("stand-in");
    assertThat(layer.threshold()).isBetween(0.1, 0.9);
    assertThat(model.trainedOn())
        .anyMatch(d -> d.startsWith("multilingual complaint layer: 40 posts, threshold "));

    SentimentResult without = russian(base, encoder).analyze(NARRATED);
    assertThat(without.complaint()).isFalse();
    assertThat(without.detractor()).isFalse();

    SentimentResult with = russian(model, encoder).analyze(NARRATED);
    assertThat(with.complaint()).isTrue();
    assertThat(with.detractor()).isTrue();
    assertThat(with.model()).startsWith("lexicon-lr-ru+stand-in-complaints-");
    SentimentResult asReply = russian(model, encoder).forTone().analyze(NARRATED);
    assertThat(asReply.complaint()).as("a reply draft is never a complaint").isFalse();
    assertThat(with.evidence())
        .anyMatch(
            e ->
                e.kind().equals(ComplaintLayerCue.EVIDENCE)
                    && e.text().equals(NARRATED)
                    && e.weight() < 0);
  }

  @Test
  void questionsAndPostsWithACueAreLeftToTheLexiconLayer() {
    List<LabelledPost> posts = englishComplaints(40);
    var encoder = new ComplaintKnowingEncoder(complaintTexts(posts));
    DetractorModel model =
        trainer(SentimentFixture.components(), encoder)
            .withMultilingualComplaints(SentimentFixture.model(), posts, List.of("s"), "with");
    LexiconDetractorAnalyzer analyzer = russian(model, encoder);
    int before = encoder.calls.get();

    assertThat(analyzer.analyze(ASKED).complaint()).isFalse();
    SentimentResult cue = analyzer.analyze("@ShopLine курьер не берёт трубку");
    assertThat(cue.complaint()).isTrue();
    assertThat(cue.evidence()).noneMatch(e -> e.kind().equals(ComplaintLayerCue.EVIDENCE));
    assertThat(encoder.calls.get()).as("neither post is encoded").isEqualTo(before);
  }

  @Test
  void greekAndArabicScriptQuestionMarksAreQuestionsToo() {
    assertThat(asks("πότε έρχεται;", "el")).isTrue();
    assertThat(asks("πότε έρχεται\u037E", "el")).isTrue();
    assertThat(asks("کی میرسه؟", "fa")).isTrue();
    assertThat(asks("а курьер сегодня будет?", "ru")).isTrue();
    assertThat(asks("курьер не приехал", "ru")).isFalse();
    assertThat(asks("курьер не приехал; жду", "ru")).as("a semicolon outside Greek").isFalse();
    assertThat(asks("курьер не приехал https://t.co/a?b=1", "ru")).as("a link's ?").isFalse();
  }

  private static boolean asks(String text, String language) {
    return ComplaintLayerCue.asksAQuestion(
        SentimentFixture.components().preparer().prepare(text), language);
  }

  @Test
  void tooFewComplaintPostsOrNoEncoderTrainNoLayer() {
    List<LabelledPost> posts = englishComplaints(ModelTrainer.MIN_COMPLAINT_POSTS - 1);
    var encoder = new ComplaintKnowingEncoder(complaintTexts(posts));
    SentimentComponents c = SentimentFixture.components();
    assertThatThrownBy(
            () ->
                trainer(c, encoder)
                    .withMultilingualComplaints(SentimentFixture.model(), posts, List.of(), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("complaint-labelled posts, got 19");
    assertThatThrownBy(
            () ->
                trainer(c, null)
                    .withMultilingualComplaints(
                        SentimentFixture.model(), englishComplaints(40), List.of(), "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
