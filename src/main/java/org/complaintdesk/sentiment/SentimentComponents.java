package org.complaintdesk.sentiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.complaintdesk.sentiment.english.ChunkTreeSentimentScorer;
import org.complaintdesk.sentiment.english.E5SentenceEncoder;
import org.complaintdesk.sentiment.english.EnglishDetractorAnalyzer;
import org.complaintdesk.sentiment.english.EnglishFeatures;
import org.complaintdesk.sentiment.english.LazyOpen;
import org.complaintdesk.sentiment.english.LazySentenceEncoder;
import org.complaintdesk.sentiment.english.SentenceEncoder;
import org.complaintdesk.sentiment.lexicon.ComplaintCueList;
import org.complaintdesk.sentiment.lexicon.EmojiLexicon;
import org.complaintdesk.sentiment.lexicon.SentimentLexicon;
import org.complaintdesk.sentiment.model.DetractorModel;
import org.complaintdesk.sentiment.model.EmojiOnlyAnalyzer;
import org.complaintdesk.sentiment.model.LexiconDetractorAnalyzer;
import org.complaintdesk.sentiment.model.ModelTrainer;
import org.complaintdesk.sentiment.model.MultilingualComplaintLayer;
import org.complaintdesk.sentiment.model.NgramDetractorAnalyzer;
import org.complaintdesk.sentiment.multilingual.MultilingualBertEncoder;
import org.complaintdesk.sentiment.network.AveragedNetworks;
import org.complaintdesk.sentiment.network.LazyNetwork;
import org.complaintdesk.sentiment.network.PublishedNetwork;
import org.complaintdesk.sentiment.network.SentimentNetwork;
import org.complaintdesk.sentiment.network.TunedLayers;
import org.complaintdesk.sentiment.network.TunedNetwork;
import org.complaintdesk.sentiment.prep.SocialTextPreparer;

/**
 * The parts every sentiment path shares, loaded once: text preparation, lexicons, language
 * detection, CoreNLP's sentiment model and the English sentence encoder. The scorer, {@code train},
 * {@code evaluate} and {@code bench} all build on these, so they score exactly alike.
 */
public final class SentimentComponents {
  /** Languages served by a lexicon-seeded model (no labelled training data in the shared set). */
  public static final Set<String> LEXICON_LANGUAGES = Set.of("ru", "fa", "el");

  private final SocialTextPreparer preparer;
  private final E5SentenceEncoder encoder;
  private final SentenceEncoder multilingual;
  private final PublishedNetwork multilingualNetwork;
  private final EnglishFeatures english;
  private final LanguageDetector languages;
  private final Map<String, SentimentLexicon> lexicons = new ConcurrentHashMap<>();
  private final Map<TunedLayers, SentimentNetwork> networks = new ConcurrentHashMap<>();
  private final Map<TunedLayers, SentimentNetwork> multilingualNetworks = new ConcurrentHashMap<>();

  public SentimentComponents(LanguageDetector languages) {
    this.preparer = new SocialTextPreparer(EmojiLexicon.bundled());
    this.languages = languages;
    this.encoder = new E5SentenceEncoder();
    // About 1.5 GB of native memory once loaded: only opened when a layer or network that uses it
    // scores a post, or by train. The layers' features and the network share one instance, whose
    // run of a post both read.
    LazyOpen<MultilingualBertEncoder> bert =
        new LazyOpen<>("multilingual-bert", MultilingualBertEncoder::load);
    this.multilingual =
        new LazySentenceEncoder(
            MultilingualBertEncoder.NAME, MultilingualBertEncoder.DIMENSIONS, bert);
    this.multilingualNetwork = MultilingualBertEncoder.published(bert);
    this.english =
        new EnglishFeatures(preparer, new ChunkTreeSentimentScorer(), lexicon("en"), encoder);
  }

  public static SentimentComponents load() {
    return new SentimentComponents(new LinguaLanguageDetector());
  }

  public SocialTextPreparer preparer() {
    return preparer;
  }

  public SentenceEncoder encoder() {
    return encoder;
  }

  /** Multilingual BERT, opened on first use. */
  public SentenceEncoder multilingual() {
    return multilingual;
  }

  /** Multilingual BERT as the network the multilingual tone network tunes, opened on first use. */
  public PublishedNetwork multilingualNetwork() {
    return multilingualNetwork;
  }

  public EnglishFeatures english() {
    return english;
  }

  public LanguageDetector languages() {
    return languages;
  }

  public SentimentLexicon lexicon(String language) {
    return lexicons.computeIfAbsent(language, SentimentLexicon::bundled);
  }

  public ModelTrainer trainer(ModelTrainer.TrainingOptions options) {
    return new ModelTrainer(
        preparer,
        english,
        encoder,
        multilingual,
        multilingualNetwork,
        languages,
        this::lexicon,
        options);
  }

  /** One analyser per language the model covers; the rest will be reported unsupported. */
  public Map<String, SentimentAnalyzer> analyzers(DetractorModel model, double threshold) {
    Map<String, SentimentAnalyzer> out = new LinkedHashMap<>();
    SentimentNetwork multilingualTone = multilingualNetwork(model.multilingualNetwork());
    if (model.english() != null) {
      out.put(
          "en",
          new EnglishDetractorAnalyzer(
              english,
              model.english(),
              model.complaint(),
              model.detractorMix(),
              network(model.englishNetworks()),
              model.toneNetworkShare(),
              model.negativeOdds("en"),
              threshold,
              model.version()));
    }
    model
        .ngram()
        .forEach(
            (lang, classifier) ->
                out.put(
                    lang,
                    new NgramDetractorAnalyzer(
                        lang,
                        classifier,
                        lexicon(lang),
                        ComplaintCueList.bundled(lang),
                        preparer,
                        threshold,
                        model.negativeOdds(lang),
                        model.escalation(lang),
                        List.of(encoder, multilingual),
                        multilingualTone,
                        model.multilingualNetworkShare(),
                        model.version(),
                        complaintsReadIn(model, lang),
                        complaintsReadIn(model, lang) == null ? null : multilingual)));
    if (model.lexicon() != null) {
      for (String lang : LEXICON_LANGUAGES) {
        SentimentLexicon lexicon = lexicon(lang);
        if (!lexicon.isEmpty() && !out.containsKey(lang)) {
          out.put(
              lang,
              new LexiconDetractorAnalyzer(
                  lexicon,
                  ComplaintCueList.bundled(lang),
                  model.lexicon(),
                  preparer,
                  threshold,
                  model.version(),
                  model.multilingualComplaints(),
                  model.multilingualComplaints() == null ? null : multilingual));
        }
      }
    }
    return new HashMap<>(out);
  }

  /** The model's multilingual complaint layer if it reads this language's posts, else null. */
  private static MultilingualComplaintLayer complaintsReadIn(
      DetractorModel model, String language) {
    MultilingualComplaintLayer layer = model.multilingualComplaints();
    return layer != null && MultilingualComplaintLayer.reads(language) ? layer : null;
  }

  /** The model's tone network, opened once per model (its weights live in native memory). */
  private SentimentNetwork network(List<TunedLayers> tuned) {
    if (tuned.isEmpty()) {
      return null;
    }
    List<SentimentNetwork> opened = new ArrayList<>();
    for (TunedLayers t : tuned) {
      opened.add(network(t));
    }
    return AveragedNetworks.of(opened);
  }

  /**
   * The model's multilingual tone network, opened on the first post that needs it (with
   * multilingual BERT, which it runs on); one per model.
   */
  private SentimentNetwork multilingualNetwork(TunedLayers tuned) {
    if (tuned == null) {
      return null;
    }
    return multilingualNetworks.computeIfAbsent(
        tuned,
        t ->
            new LazyNetwork(
                multilingualNetwork.tag(),
                t.labels(),
                () -> TunedNetwork.open(t, multilingualNetwork)));
  }

  /** Scored on ONNX Runtime, which the e5 encoder already needs (PyTorch only trains it). */
  private SentimentNetwork network(TunedLayers tuned) {
    return networks.computeIfAbsent(tuned, t -> TunedNetwork.open(t, PublishedNetwork.e5(encoder)));
  }

  public SentimentScorer scorer(DetractorModel model, double threshold, int maxChars) {
    return new SentimentScorer(
        languages,
        analyzers(model, threshold),
        model.lexicon() == null
            ? null
            : new EmojiOnlyAnalyzer(model.lexicon(), preparer, threshold, model.version()),
        maxChars);
  }
}
