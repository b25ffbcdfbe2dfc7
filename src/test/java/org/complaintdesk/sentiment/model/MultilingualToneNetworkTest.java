package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.complaintdesk.sentiment.SentimentAnalyzer;
import org.complaintdesk.sentiment.SentimentComponents;
import org.complaintdesk.sentiment.SentimentFixture;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.network.ToneNetworkTrainer;
import org.complaintdesk.sentiment.network.TunedNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} tunes one layer of multilingual BERT on the posts of the languages with n-gram
 * layers ({@code train --base … --add multilingual-network} adds it to a model as it is), and those
 * languages' scores are then the plain mean of the layer's probabilities and the network's.
 */
class MultilingualToneNetworkTest {
  private static final String[][] ITALIAN = {
    {"negative", "Servizio pessimo, nessuno risponde mai"},
    {"negative", "Che schifo, il pacco è arrivato rotto"},
    {"negative", "Sono furioso, mi avete rubato i soldi"},
    {"negative", "Peggior esperienza della mia vita"},
    {"negative", "Odio questa compagnia, vergognatevi"},
    {"negative", "Orribile, una delusione totale"},
    {"neutral", "Il treno parte alle nove dal binario tre"},
    {"neutral", "Domani il negozio apre alle otto"},
    {"neutral", "Il numero dell'ordine è 4512"},
    {"neutral", "La riunione è fissata per giovedì"},
    {"neutral", "Il modulo si trova sul sito"},
    {"neutral", "Oggi a Roma piove"},
    {"positive", "Grazie mille, servizio fantastico!"},
    {"positive", "Bravissimi, consegna velocissima"},
    {"positive", "Adoro questa app, funziona benissimo"},
    {"positive", "Personale gentile e disponibile, complimenti"},
    {"positive", "Esperienza splendida, tornerò di sicuro"},
    {"positive", "Ottimo prodotto, sono contentissima"},
  };

  private static final ModelTrainer.TrainingOptions OPTIONS =
      SentimentFixture.SMALL_DATA.withMultilingualNetwork(
          new ToneNetworkTrainer.Options(1, 8, 1e-3f, 8, 0f, 0f, 7, 2, 1, true));

  private static SentimentComponents components;
  private static DetractorModel withNetwork;
  private static DetractorModel layersOnly;

  @BeforeAll
  static void train() {
    components = SentimentFixture.components();
    withNetwork = components.trainer(OPTIONS).train(posts(), List.of("italian sample"), "t");
    layersOnly =
        components
            .trainer(SentimentFixture.SMALL_DATA)
            .train(posts(), List.of("italian sample"), "t0");
  }

  private static List<LabelledPost> posts() {
    List<LabelledPost> out = new ArrayList<>();
    for (int i = 0; i < ITALIAN.length; i++) {
      out.add(
          new LabelledPost(
              "it" + i, ITALIAN[i][0], "it", ITALIAN[i][1], 1, LabelledPost.SENTIMENT));
    }
    return out;
  }

  @Test
  void trainTunesOneLayerOfMultilingualBertOnTheNgramLanguagesPosts() {
    assertThat(withNetwork.ngram()).containsKey("it");
    assertThat(withNetwork.multilingualNetwork()).isNotNull();
    assertThat(withNetwork.multilingualNetwork().firstTuned()).isEqualTo(8);
    assertThat(withNetwork.multilingualNetwork().end()).isEqualTo(9);
    assertThat(withNetwork.multilingualNetworkShare()).isEqualTo(0.5);
    assertThat(withNetwork.trainedOn())
        .anyMatch(d -> d.startsWith("multilingual tone network") && d.contains("{it=18}"));
    assertThat(layersOnly.multilingualNetwork()).as("not asked for").isNull();
  }

  @Test
  void aPostsScoreIsThePlainMeanOfItsLayerAndTheNetwork() throws Exception {
    String post = "Il negozio è in via Roma";
    SentimentAnalyzer italian = components.analyzers(withNetwork, 0.4).get("it");
    SentimentResult averaged = italian.analyze(post);
    SentimentResult layer = components.analyzers(layersOnly, 0.4).get("it").analyze(post);
    double network;
    try (TunedNetwork n =
        TunedNetwork.open(withNetwork.multilingualNetwork(), components.multilingualNetwork())) {
      network = n.probabilities(post)[0];
    }

    assertThat(averaged.model()).contains("+mbertt");
    assertThat(layer.model()).doesNotContain("mbertt");
    assertThat(averaged.detractorProbability())
        .isCloseTo(0.5 * layer.detractorProbability() + 0.5 * network, within(1e-3));
    assertThat(averaged.evidence())
        .anyMatch(e -> e.wholePost() && e.kind().contains("fine-tuned network"));
    assertThat(italian.forTone().analyze(post).model())
        .as("our reply drafts are read without it, as in English")
        .doesNotContain("mbertt");
    assertThat(italian.forTone().analyze(post).detractorProbability())
        .isCloseTo(layer.detractorProbability(), within(1e-9));
  }

  @Test
  void theNetworkLearnedThePostsAndTheAverageFlagsTheAngryOnes() {
    SentimentAnalyzer italian = components.analyzers(withNetwork, 0.4).get("it");
    for (String[] post : ITALIAN) {
      assertThat(italian.analyze(post[1]).detractor())
          .as(post[1])
          .isEqualTo(post[0].equals("negative"));
    }
  }

  @Test
  void addingTheNetworkToAModelKeepsItsLayersAndSurvivesTheFile(@TempDir Path dir)
      throws Exception {
    DetractorModel added =
        components
            .trainer(OPTIONS)
            .withMultilingualNetwork(layersOnly, posts(), List.of("italian sample"), "t1");
    assertThat(added.ngram()).isSameAs(layersOnly.ngram());
    assertThat(added.version()).isEqualTo("t1");
    assertThat(added.trainedOn()).anyMatch(d -> d.startsWith("multilingual tone network added"));

    Path file = dir.resolve("model.ser.gz");
    added.save(file);
    DetractorModel read = DetractorModel.load(file);
    String post = ITALIAN[0][1];
    assertThat(components.analyzers(read, 0.4).get("it").analyze(post).detractorProbability())
        .isCloseTo(
            components.analyzers(added, 0.4).get("it").analyze(post).detractorProbability(),
            within(1e-6));
  }
}
