package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.complaintdesk.sentiment.LanguageDetector;
import org.complaintdesk.sentiment.english.EnglishFeatures;
import org.complaintdesk.sentiment.english.SentenceEncoder;
import org.complaintdesk.sentiment.lexicon.SentimentLexicon;
import org.complaintdesk.sentiment.network.AveragedNetworks;
import org.complaintdesk.sentiment.network.LowerLayers;
import org.complaintdesk.sentiment.network.PublishedNetwork;
import org.complaintdesk.sentiment.network.SentimentNetwork;
import org.complaintdesk.sentiment.network.ToneNetworkTrainer;
import org.complaintdesk.sentiment.network.TunedLayers;
import org.complaintdesk.sentiment.network.TunedNetwork;
import org.complaintdesk.sentiment.prep.PreparedText;
import org.complaintdesk.sentiment.prep.SocialTextPreparer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the {@link DetractorModel} from labelled posts: L2-regularised multinomial logistic
 * regression (CoreNLP's {@link LinearClassifierFactory}, quasi-Newton), one per language. CoreNLP's
 * own classifier keeps the dependency list short, serialises with the model and is what the CoreNLP
 * team uses for its own trained layers; it is deterministic, so the same data gives the same model.
 */
public final class ModelTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);

  /** Languages with a character n-gram model when they have training data. */
  public static final Set<String> NGRAM_LANGUAGES =
      Set.of("ar", "fr", "de", "hi", "it", "pt", "es");

  private final SocialTextPreparer preparer;
  private final EnglishFeatures english;
  private final SentenceEncoder encoder;
  private final SentenceEncoder multilingual;
  private final PublishedNetwork multilingualNetwork;
  private final LanguageDetector languages;
  private final Function<String, SentimentLexicon> lexicons;
  private final TrainingOptions options;

  /**
   * Regularisation and pruning; the defaults are what the model card reports.
   *
   * @param minPostsToCrossValidate an n-gram layer with at least this many posts gets its σ and
   *     negative decision rule chosen by cross-validation ({@link CrossValidatedDecision}); smaller
   *     ones keep {@code ngramSigma} and no correction
   * @param decisionThreshold the detractor threshold the decision rule is chosen for (the default
   *     of {@code sentiment.detractorThreshold})
   * @param toneNetwork how to fine-tune the English tone network ({@link ToneNetworkTrainer}); null
   *     for none
   * @param multilingualNetwork how to fine-tune the multilingual tone network of the n-gram
   *     languages; null for none
   */
  public record TrainingOptions(
      double englishSigma,
      double ngramSigma,
      int minFeatureCount,
      int minPostsPerLayer,
      int minPostsToCrossValidate,
      double decisionThreshold,
      ToneNetworkTrainer.Options toneNetwork,
      ToneNetworkTrainer.Options multilingualNetwork) {

    public TrainingOptions(
        double englishSigma, double ngramSigma, int minFeatureCount, int minPostsPerLayer) {
      this(englishSigma, ngramSigma, minFeatureCount, minPostsPerLayer, 200, 0.4, null, null);
    }

    /** What the shipped model was trained with, the tone networks included. */
    public static TrainingOptions defaults() {
      return new TrainingOptions(
          0.25,
          0.5,
          2,
          20,
          200,
          0.4,
          ToneNetworkTrainer.Options.defaults(),
          ToneNetworkTrainer.Options.multilingualDefaults());
    }

    public TrainingOptions withToneNetwork(ToneNetworkTrainer.Options network) {
      return withNetworks(network, multilingualNetwork);
    }

    public TrainingOptions withMultilingualNetwork(ToneNetworkTrainer.Options network) {
      return withNetworks(toneNetwork, network);
    }

    private TrainingOptions withNetworks(
        ToneNetworkTrainer.Options tone, ToneNetworkTrainer.Options multilingual) {
      return new TrainingOptions(
          englishSigma,
          ngramSigma,
          minFeatureCount,
          minPostsPerLayer,
          minPostsToCrossValidate,
          decisionThreshold,
          tone,
          multilingual);
    }
  }

  /** The tone network's classes, in the order of its head. */
  private static final List<String> TONE_LABELS =
      List.of(LabelledPost.NEGATIVE, LabelledPost.NEUTRAL, LabelledPost.POSITIVE);

  /** σ values tried for the n-gram layers besides the default. */
  private static final double[] OTHER_NGRAM_SIGMAS = {0.25, 0.1, 1.0, 2.0};

  public ModelTrainer(
      SocialTextPreparer preparer,
      EnglishFeatures english,
      SentenceEncoder encoder,
      SentenceEncoder multilingual,
      PublishedNetwork multilingualNetwork,
      LanguageDetector languages,
      Function<String, SentimentLexicon> lexicons,
      TrainingOptions options) {
    this.preparer = preparer;
    this.english = english;
    this.encoder = encoder;
    this.multilingual = multilingual;
    this.multilingualNetwork = multilingualNetwork;
    this.languages = languages;
    this.lexicons = lexicons;
    this.options = options;
  }

  public DetractorModel train(List<LabelledPost> posts, List<String> provenance, String version) {
    Map<String, List<LabelledPost>> byLanguage = byLanguage(posts);
    List<String> decisions = new ArrayList<>();
    List<LabelledPost> enData = byLanguage.getOrDefault("en", List.of());
    EnglishLayers english = trainEnglish(posts, enData, decisions);
    ToneNetwork tone = trainToneNetwork(enData, english, decisions);
    List<TunedLayers> englishNetworks = tone == null ? List.of() : tone.tuned();
    DetractorMix mix = tone == null || tone.mix() == null ? english.mix() : tone.mix();
    Double networkShare = tone == null ? null : tone.share();
    Map<String, LinearClassifier<String, String>> ngram = new LinkedHashMap<>();
    Map<String, Double> negativeOdds = new TreeMap<>();
    if (tone != null && tone.negativeOdds() != null) {
      negativeOdds.put("en", tone.negativeOdds());
    }
    Map<String, EncoderEscalation> escalations = new TreeMap<>();
    for (String lang : NGRAM_LANGUAGES.stream().sorted().toList()) {
      List<LabelledPost> data = byLanguage.getOrDefault(lang, List.of());
      if (data.size() >= options.minPostsPerLayer()) {
        LOG.info("Training the {} n-gram layer on {} posts", lang, data.size());
        SentimentLexicon lexicon = lexicons.apply(lang);
        // Not final: replaced by the features with stems or an encoder's when CV chooses them.
        List<Counter<String>> features = ngramFeatures(data, lexicon, null);
        double sigma = options.ngramSigma();
        boolean naiveBayes = false;
        boolean useStems = false;
        if (data.size() >= options.minPostsToCrossValidate()) {
          double[] sigmas = new double[OTHER_NGRAM_SIGMAS.length + 1];
          sigmas[0] = options.ngramSigma();
          System.arraycopy(OTHER_NGRAM_SIGMAS, 0, sigmas, 1, OTHER_NGRAM_SIGMAS.length);
          CrossValidatedDecision.Choice plain = chooseNgram(data, features, sigmas, false);
          CrossValidatedDecision.Choice scaled = chooseNgram(data, features, sigmas, true);
          // Naive Bayes scaling only where cross-validation says it helps (ties keep plain).
          naiveBayes = scaled.macroF1() > plain.macroF1() + 1e-3;
          CrossValidatedDecision.Choice choice = naiveBayes ? scaled : plain;
          // Word stems likewise (default-2026.12e: only Portuguese gained in CV).
          List<Counter<String>> stemmedFeatures = ngramFeatures(data, lexicon, lang);
          CrossValidatedDecision.Choice stemmed =
              chooseNgram(data, stemmedFeatures, sigmas, naiveBayes);
          useStems = stemmed.macroF1() > choice.macroF1() + 1e-3;
          if (useStems) {
            choice = stemmed;
            features = stemmedFeatures;
          }
          // The English sentence encoder still reads cognates, names, emoji and English words in
          // other languages' posts; multilingual BERT comes on top of whatever was chosen before
          // it (it costs 5-10x the rest of the layer per post). Each only where CV says it helps.
          EncoderStep e5 = tryEncoder(encoder, data, features, choice, sigmas, naiveBayes);
          EncoderStep bert =
              tryEncoder(multilingual, data, e5.features(), e5.choice(), sigmas, naiveBayes);
          choice = bert.choice();
          features = bert.features();
          // The layer without multilingual BERT decides the posts it is sure of.
          EncoderEscalation.Choice band =
              bert.on()
                  ? EncoderEscalation.choose(
                      CrossValidatedDecision.gold(data),
                      e5.choice().adjustedOutOfFold(),
                      bert.choice().adjustedOutOfFold(),
                      options.decisionThreshold())
                  : null;
          if (band != null && band.share() < 1) {
            escalations.put(
                lang,
                new EncoderEscalation(
                    fitNgram(data, e5.features(), e5.choice().sigma(), naiveBayes),
                    e5.choice().negativeOdds(),
                    band.band(),
                    band.share()));
          }
          String decision =
              String.format(
                  Locale.ROOT,
                  "%s: sigma %s, negative odds x%s, Naive Bayes scaling %s, word stems %s,"
                      + " sentence encoder %s, multilingual encoder %s by %d-fold CV (neg-vs-rest"
                      + " macro-F1 %.4f; plain features %.4f, scaled %.4f, with stems %.4f, with"
                      + " the encoder %.4f, with the multilingual encoder %.4f; default sigma, no"
                      + " correction %.4f)",
                  lang,
                  choice.sigma(),
                  choice.negativeOdds(),
                  naiveBayes ? "on" : "off",
                  useStems ? "on" : "off",
                  e5.on() ? "on" : "off",
                  bert.on() ? "on" : "off",
                  CrossValidatedDecision.FOLDS,
                  choice.macroF1(),
                  plain.macroF1(),
                  scaled.macroF1(),
                  stemmed.macroF1(),
                  e5.macroF1(),
                  bert.macroF1(),
                  plain.defaultMacroF1());
          if (band != null) {
            decision += "; " + band;
          }
          LOG.info(decision);
          decisions.add(decision);
          sigma = choice.sigma();
          negativeOdds.put(lang, choice.negativeOdds());
        }
        ngram.put(lang, fitNgram(data, features, sigma, naiveBayes));
      }
    }
    LexiconCalibration.Result lexiconLayer =
        new LexiconCalibration(preparer, (data, features) -> fit(data, features, 1.0), options)
            .train(byLanguage);
    if (lexiconLayer.decision() != null) {
      LOG.info(lexiconLayer.decision());
      decisions.add(lexiconLayer.decision());
    }
    TunedLayers multilingualTuned = trainMultilingualNetwork(byLanguage, ngram.keySet(), decisions);
    List<String> trainedOn = new ArrayList<>(provenance);
    byLanguage.forEach((lang, list) -> trainedOn.add(lang + ": " + list.size() + " posts"));
    trainedOn.addAll(decisions);
    long[] texts = TextFingerprint.sortedSet(posts.stream().map(LabelledPost::text).toList());
    return new DetractorModel(
        english.sentiment(),
        english.complaint(),
        ngram,
        lexiconLayer.layer(),
        texts,
        trainedOn,
        version,
        negativeOdds,
        mix,
        escalations,
        DetractorModel.firstNetwork(englishNetworks),
        networkShare,
        DetractorModel.moreNetworks(englishNetworks),
        multilingualTuned,
        null,
        null);
  }

  /**
   * The multilingual tone network: one layer of multilingual BERT and a head, fine-tuned with the
   * English network's recipe on the sentiment posts of every language with an n-gram layer at once
   * (corrections included, with their weight); null when not asked for or too few posts. Its share
   * in each language's probabilities is the plain mean, fixed before it was measured: on 2026-12-03
   * cross-validation on Italian's training posts preferred its layer over multilingual BERT's
   * numbers while the evaluation posts said the opposite (docs/model-card.md).
   */
  private TunedLayers trainMultilingualNetwork(
      Map<String, List<LabelledPost>> byLanguage,
      Set<String> ngramLanguages,
      List<String> decisions) {
    if (options.multilingualNetwork() == null || multilingualNetwork == null) {
      return null;
    }
    List<ToneNetworkTrainer.Example> examples = new ArrayList<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (String lang : ngramLanguages) {
      for (LabelledPost p : byLanguage.getOrDefault(lang, List.of())) {
        ToneNetworkTrainer.Example e = toneExample(p);
        if (e != null) {
          examples.add(e);
          counts.merge(lang, 1, Integer::sum);
        }
      }
    }
    if (examples.size() < options.minPostsPerLayer()) {
      return null;
    }
    LOG.info("Fine-tuning the multilingual tone network on {} posts {}", examples.size(), counts);
    TunedLayers tuned =
        new ToneNetworkTrainer(options.multilingualNetwork(), multilingualNetwork)
            .train(examples, TONE_LABELS, "n-gram languages " + counts)
            .get(0);
    String decision =
        "multilingual tone network "
            + tuned.trainedOn()
            + ", averaged with each n-gram layer (share 0.5, fixed)";
    LOG.info(decision);
    decisions.add(decision);
    return tuned;
  }

  /**
   * {@code base} with a multilingual tone network fine-tuned on the sentiment posts of {@code
   * posts} in the languages {@code base} has n-gram layers for; every other layer is kept.
   */
  public DetractorModel withMultilingualNetwork(
      DetractorModel base, List<LabelledPost> posts, List<String> provenance, String version) {
    List<String> decisions = new ArrayList<>();
    TunedLayers tuned =
        trainMultilingualNetwork(byLanguage(posts), base.ngram().keySet(), decisions);
    if (tuned == null) {
      throw new IllegalArgumentException(
          "no multilingual tone network: too few posts in the n-gram languages, or not asked for");
    }
    List<String> trainedOn =
        trainedOnAfterAdding("multilingual tone network", base, provenance, decisions);
    return base.withMultilingualNetwork(tuned, version, trainedOn);
  }

  /**
   * {@code base} with a complaint layer over multilingual BERT's vectors, trained on the
   * complaint-labelled posts of {@code posts} (complaint / not_complaint files, whatever their
   * language), read in the languages {@link MultilingualComplaintLayer#reads}; every other layer is
   * kept.
   */
  public DetractorModel withMultilingualComplaints(
      DetractorModel base, List<LabelledPost> posts, List<String> provenance, String version) {
    List<LabelledPost> complaints = posts.stream().filter(LabelledPost::isComplaintTask).toList();
    if (multilingual == null || complaints.size() < MIN_COMPLAINT_POSTS) {
      throw new IllegalArgumentException(
          "no multilingual complaint layer: it needs multilingual BERT and at least "
              + MIN_COMPLAINT_POSTS
              + " complaint-labelled posts, got "
              + complaints.size());
    }
    List<String> decisions = new ArrayList<>();
    MultilingualComplaintLayer layer = trainMultilingualComplaints(complaints, decisions);
    List<String> trainedOn =
        trainedOnAfterAdding("multilingual complaint layer", base, provenance, decisions);
    return base.withMultilingualComplaints(layer, version, trainedOn);
  }

  /** Fewer complaint posts than this train no multilingual complaint layer. */
  static final int MIN_COMPLAINT_POSTS = 20;

  /**
   * L2 logistic regression over the unit-length vectors, σ 1; the threshold is the one with the
   * best complaint-vs-not macro-F1 on out-of-fold probabilities ({@link
   * CrossValidatedDecision#FOLDS} folds by text fingerprint).
   */
  private MultilingualComplaintLayer trainMultilingualComplaints(
      List<LabelledPost> complaints, List<String> decisions) {
    float[][] vectors =
        multilingual.encodeAll(complaints.stream().map(LabelledPost::text).toList());
    List<Counter<String>> features =
        java.util.Arrays.stream(vectors).map(MultilingualComplaintLayer::features).toList();
    double[] outOfFold =
        CrossValidatedDecision.outOfFold(
            features,
            CrossValidatedDecision.folds(complaints),
            MULTILINGUAL_COMPLAINT_SIGMA,
            (rows, sigma) -> fitSubset(complaints, features, rows, sigma));
    boolean[] gold = CrossValidatedDecision.gold(complaints);
    double threshold = 0.5;
    double best = -1;
    for (int step = 10; step <= 90; step += 2) {
      double t = step / 100.0;
      double f1 = CrossValidatedDecision.macroF1(gold, outOfFold, 1.0, t);
      if (f1 > best + 1e-9) {
        best = f1;
        threshold = t;
      }
    }
    decisions.add(
        String.format(
            java.util.Locale.ROOT,
            "multilingual complaint layer: %d posts, threshold %.2f by %d-fold CV"
                + " (complaint-vs-not macro-F1 %.4f)",
            complaints.size(),
            threshold,
            CrossValidatedDecision.FOLDS,
            best));
    return new MultilingualComplaintLayer(
        fit(complaints, features, MULTILINGUAL_COMPLAINT_SIGMA), threshold, multilingual.name());
  }

  private static final double MULTILINGUAL_COMPLAINT_SIGMA = 1.0;

  /**
   * The tuned network, its share in the English probabilities, and the detractor rule and English
   * odds correction chosen with it (null where nothing was chosen).
   */
  private record ToneNetwork(
      List<TunedLayers> tuned, Double share, DetractorMix mix, Double negativeOdds) {}

  /** The network shares tried; the plain mean first, so ties keep it. */
  private static final double[] NETWORK_SHARES = {0.5, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 1.0};

  /** Folds of the tone network's cross-validation: each costs a fine-tuning (~7 min here). */
  static final int NETWORK_FOLDS = 2;

  /**
   * The English tone network, fine-tuned on the same English sentiment posts (corrections included,
   * with their weight) as the sentiment layer; null when not asked for or too few posts.
   *
   * <p>Where the English layers' detractor rule was chosen by cross-validation, the network's share
   * in P(negative) and the rule are chosen together with the network in ({@link
   * DetractorMix#choose} for each share, the best rule of the best share): the rule that weighed
   * P(complaint) against the layer alone no longer fits the sharper average, and the plain mean of
   * layer and network was measured by nothing. The network's out-of-fold probabilities come from
   * {@link #NETWORK_FOLDS} tunings on the other folds; on the complaint posts, which it never
   * learned, the network tuned on all posts scores.
   */
  private ToneNetwork trainToneNetwork(
      List<LabelledPost> enData, EnglishLayers english, List<String> decisions) {
    if (options.toneNetwork() == null || enData.size() < options.minPostsPerLayer()) {
      return null;
    }
    List<ToneNetworkTrainer.Example> examples = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < enData.size(); i++) {
      ToneNetworkTrainer.Example e = toneExample(enData.get(i));
      if (e != null) {
        examples.add(e);
        rows.add(i);
      }
    }
    if (!(encoder instanceof LowerLayers lower)) {
      throw new IllegalStateException(
          "the tone network is tuned on the sentence encoder's lower layers; this one has none");
    }
    LOG.info("Fine-tuning the English tone network on {} posts", examples.size());
    PublishedNetwork e5 = PublishedNetwork.e5(lower);
    ToneNetworkTrainer trainer = new ToneNetworkTrainer(options.toneNetwork(), e5);
    String source = "en: " + examples.size() + " posts";
    if (english.sentimentSet() == null) {
      List<TunedLayers> tuned = trainer.train(examples, TONE_LABELS, source);
      noteNetwork(tuned, decisions);
      return new ToneNetwork(tuned, null, null, null);
    }
    List<LabelledPost> tunedOn = rows.stream().map(enData::get).toList();
    ToneNetworkTrainer.Tuning tuning =
        trainer.trainWithOutOfFold(
            examples,
            CrossValidatedDecision.folds(tunedOn, NETWORK_FOLDS),
            NETWORK_FOLDS,
            TONE_LABELS,
            source);
    noteNetwork(tuning.tuned(), decisions);
    int negative = TONE_LABELS.indexOf(LabelledPost.NEGATIVE);
    DetractorMix.Scored sentiment = english.sentimentSet();
    DetractorMix.Scored complaints = english.complaintSet();
    double[] networkOnSentiment = new double[sentiment.negative().length];
    boolean[] tuned = new boolean[networkOnSentiment.length];
    for (int k = 0; k < rows.size(); k++) {
      networkOnSentiment[rows.get(k)] = tuning.outOfFold()[k][negative];
      tuned[rows.get(k)] = true;
    }
    double[] networkOnComplaints = new double[complaints.negative().length];
    List<TunedNetwork> opened = new ArrayList<>();
    try {
      for (TunedLayers t : tuning.tuned()) {
        opened.add(TunedNetwork.open(t, e5));
      }
      SentimentNetwork network = AveragedNetworks.of(List.copyOf(opened));
      IntStream.range(0, networkOnComplaints.length)
          .parallel()
          .forEach(
              i ->
                  networkOnComplaints[i] =
                      network
                          .probabilities(
                              EnglishFeatures.encoderInput(english.complaintPosts().get(i).text()))[
                          negative]);
    } finally {
      opened.forEach(TunedNetwork::close);
    }
    double bestShare = Double.NaN;
    double bestOdds = Double.NaN;
    DetractorMix.Choice choice = null;
    List<String> byShare = new ArrayList<>();
    for (double share : NETWORK_SHARES) {
      double[] sentimentNegative = sentiment.negative().clone();
      for (int i = 0; i < sentimentNegative.length; i++) {
        if (tuned[i]) {
          sentimentNegative[i] =
              SentimentNetwork.combine(sentimentNegative[i], networkOnSentiment[i], share);
        }
      }
      double[] complaintNegative = new double[networkOnComplaints.length];
      for (int i = 0; i < complaintNegative.length; i++) {
        complaintNegative[i] =
            SentimentNetwork.combine(complaints.negative()[i], networkOnComplaints[i], share);
      }
      DetractorMix.Choice shareBest = null;
      double shareOdds = Double.NaN;
      // The odds correction the n-gram languages have, chosen here with the share and the rule:
      // the average of layer and network is not calibrated to the threshold by anything else.
      for (double odds : CrossValidatedDecision.oddsMultipliers()) {
        DetractorMix.Choice c =
            DetractorMix.choose(
                new DetractorMix.Scored(
                    CrossValidatedDecision.adjust(sentimentNegative, odds),
                    sentiment.complaint(),
                    sentiment.gold()),
                new DetractorMix.Scored(
                    CrossValidatedDecision.adjust(complaintNegative, odds),
                    complaints.complaint(),
                    complaints.gold()),
                options.decisionThreshold());
        if (shareBest == null || c.score() > shareBest.score() + 1e-3) {
          shareBest = c;
          shareOdds = odds;
        }
      }
      byShare.add(
          String.format(
              Locale.ROOT,
              "%.1f: %s odds x%s %.4f",
              share,
              shareBest.mix(),
              shareOdds,
              shareBest.score()));
      if (choice == null || shareBest.score() > choice.score() + 1e-3) {
        choice = shareBest;
        bestShare = share;
        bestOdds = shareOdds;
      }
    }
    String decision =
        String.format(
            Locale.ROOT,
            "en: tone network share %.1f, detractor = %s by CV (P(negative) odds x%s;"
                + " network %d-fold, layers %d-fold;"
                + " sentiment neg-vs-rest macro-F1 %.4f, complaint macro-F1 %.4f, the smaller"
                + " maximised; without the network %s; best rule per share: %s; rules at share"
                + " %.1f, share of P(negative) sentiment/complaint: %s)",
            bestShare,
            choice.mix(),
            bestOdds,
            NETWORK_FOLDS,
            CrossValidatedDecision.FOLDS,
            choice.sentimentF1(),
            choice.complaintF1(),
            english.mix(),
            String.join(", ", byShare),
            bestShare,
            choice.figures());
    LOG.info(decision);
    decisions.add(decision);
    return new ToneNetwork(tuning.tuned(), bestShare, choice.mix(), bestOdds);
  }

  /**
   * A post as a tone network learns it (what the encoder reads, its class, its weight); null for a
   * label the networks have no class for.
   */
  private static ToneNetworkTrainer.Example toneExample(LabelledPost p) {
    int label = TONE_LABELS.indexOf(p.label());
    return label < 0
        ? null
        : new ToneNetworkTrainer.Example(EnglishFeatures.encoderInput(p.text()), label, p.weight());
  }

  private static void noteNetwork(List<TunedLayers> tuned, List<String> decisions) {
    for (TunedLayers t : tuned) {
      String decision = "en: tone network " + t.trainedOn();
      LOG.info(decision);
      decisions.add(decision);
    }
  }

  /**
   * {@code base} with an English tone network fine-tuned on the English sentiment posts of {@code
   * posts} and the detractor rule chosen again with it; every other layer is kept as it is, so a
   * shipped model can gain the network without its other layers being retrained (and moved by
   * cross-validation's near ties). The English layers are trained again only for their out-of-fold
   * probabilities, which the rule is chosen on.
   */
  public DetractorModel withToneNetwork(
      DetractorModel base, List<LabelledPost> posts, List<String> provenance, String version) {
    List<String> decisions = new ArrayList<>();
    List<LabelledPost> enData = byLanguage(posts).getOrDefault("en", List.of());
    EnglishLayers english = trainEnglish(posts, enData, new ArrayList<>());
    ToneNetwork network = trainToneNetwork(enData, english, decisions);
    if (network == null) {
      throw new IllegalArgumentException("too few English sentiment posts for the tone network");
    }
    List<String> trainedOn = trainedOnAfterAdding("tone network", base, provenance, decisions);
    DetractorMix mix = network.mix() == null ? base.mix() : network.mix();
    double share = network.share() == null ? SentimentNetwork.DEFAULT_SHARE : network.share();
    return base.withToneNetwork(
        network.tuned(), share, mix, network.negativeOdds(), version, trainedOn);
  }

  /** {@code base}'s training record, then what a {@code --base} run added and decided. */
  private static List<String> trainedOnAfterAdding(
      String layer, DetractorModel base, List<String> provenance, List<String> decisions) {
    List<String> trainedOn = new ArrayList<>(base.trainedOn());
    trainedOn.add(
        layer + " added to " + base.version() + " (" + String.join(", ", provenance) + ")");
    trainedOn.addAll(decisions);
    return trainedOn;
  }

  private Map<String, List<LabelledPost>> byLanguage(List<LabelledPost> posts) {
    return posts.stream()
        .filter(p -> !p.isComplaintTask())
        .collect(
            Collectors.groupingBy(
                p -> p.language() != null ? p.language() : languages.detect(p.text()).orElse("?"),
                TreeMap::new,
                Collectors.toList()));
  }

  /**
   * The English layers, how they are combined, and what that rule was chosen on (null where it was
   * not chosen): each set's out-of-fold and other-layer probabilities, and the complaint posts.
   */
  private record EnglishLayers(
      LinearClassifier<String, String> sentiment,
      LinearClassifier<String, String> complaint,
      DetractorMix mix,
      DetractorMix.Scored sentimentSet,
      DetractorMix.Scored complaintSet,
      List<LabelledPost> complaintPosts) {}

  /**
   * The English sentiment layer (its feature groups weighed by leaving out one source at a time),
   * the complaint layer, and the rule that combines them (by cross-validation); each choice is
   * added to {@code decisions}.
   */
  private EnglishLayers trainEnglish(
      List<LabelledPost> posts, List<LabelledPost> enData, List<String> decisions) {
    LinearClassifier<String, String> en = null;
    List<Counter<String>> enFeatures = List.of();
    FeatureGroups groups = FeatureGroups.PLAIN;
    if (enData.size() >= options.minPostsPerLayer()) {
      LOG.info("Training the English layer on {} posts", enData.size());
      enFeatures = englishFeatures(enData);
      GroupScaleChoice groupChoice = chooseFeatureGroups(enData, enFeatures);
      if (groupChoice != null) {
        groups = groupChoice.scale();
        String decision =
            String.format(
                Locale.ROOT,
                "en: %s by leaving out one source at a time (%s;"
                    + " neg-vs-rest macro-F1 on the held-out source %.4f; all x1 %.4f)",
                groupChoice.scale(),
                String.join(", ", groupChoice.sources()),
                groupChoice.macroF1(),
                groupChoice.plainMacroF1());
        LOG.info(decision);
        decisions.add(decision);
      }
      en = fitScaled(enData, enFeatures, options.englishSigma(), groups);
    }
    List<LabelledPost> complaintData = complaintData(posts);
    boolean hasComplaints =
        posts.stream().filter(LabelledPost::isComplaintTask).count() >= options.minPostsPerLayer();
    List<Counter<String>> complaintFeatures =
        hasComplaints ? englishFeatures(complaintData) : List.of();
    LinearClassifier<String, String> complaint = null;
    if (hasComplaints) {
      LOG.info("Training the English complaint layer on {} posts", complaintData.size());
      complaint = fit(complaintData, complaintFeatures, options.englishSigma());
    }
    DetractorMix mix = null;
    DetractorMix.Scored sentimentSet = null;
    DetractorMix.Scored complaintSet = null;
    if (en != null
        && complaint != null
        && enData.size() >= options.minPostsToCrossValidate()
        && complaintData.size() >= options.minPostsToCrossValidate()) {
      FeatureGroups chosenGroups = groups;
      List<Counter<String>> sentimentFeatures = enFeatures;
      sentimentSet =
          scored(
              enData,
              enFeatures,
              complaint,
              true,
              (rows, sigma) -> fitScaled(enData, rows, sentimentFeatures, sigma, chosenGroups));
      complaintSet =
          scored(
              complaintData,
              complaintFeatures,
              en,
              false,
              (rows, sigma) -> fitSubset(complaintData, complaintFeatures, rows, sigma));
      DetractorMix.Choice choice =
          DetractorMix.choose(sentimentSet, complaintSet, options.decisionThreshold());
      mix = choice.mix();
      String decision =
          String.format(
              Locale.ROOT,
              "en: detractor = %s by %d-fold CV (sentiment neg-vs-rest macro-F1 %.4f, complaint"
                  + " macro-F1 %.4f, the smaller maximised; 0.4/0.6 %.4f; share of P(negative)"
                  + " sentiment/complaint: %s)",
              mix,
              CrossValidatedDecision.FOLDS,
              choice.sentimentF1(),
              choice.complaintF1(),
              choice.legacyScore(),
              choice.figures());
      LOG.info(decision);
      decisions.add(decision);
    }
    return new EnglishLayers(en, complaint, mix, sentimentSet, complaintSet, complaintData);
  }

  private CrossValidatedDecision.Choice chooseNgram(
      List<LabelledPost> data,
      List<Counter<String>> features,
      double[] sigmas,
      boolean naiveBayes) {
    return CrossValidatedDecision.choose(
        data,
        features,
        (rows, s) ->
            fitNgram(
                rows.stream().map(data::get).toList(),
                rows.stream().map(features::get).toList(),
                s,
                naiveBayes),
        sigmas,
        options.decisionThreshold());
  }

  /** An n-gram layer, optionally over {@link NaiveBayesScaling} fitted on the same posts. */
  private LinearClassifier<String, String> fitNgram(
      List<LabelledPost> posts, List<Counter<String>> features, double sigma, boolean naiveBayes) {
    if (!naiveBayes) {
      return fit(posts, features, sigma);
    }
    NaiveBayesScaling scaling = NaiveBayesScaling.fit(posts, features);
    return scaling.foldInto(fit(posts, features.stream().map(scaling::scale).toList(), sigma));
  }

  /**
   * Complaint-labelled posts plus English corrections, labelled complaint / not_negative. A
   * responder who marks a post negative says it needs an answer: a complaint for this layer; one
   * who marks it positive says it does not. A neutral correction is about tone only (a calm "still
   * waiting for my refund" is neutral and still a complaint), so it does not teach this layer.
   */
  static List<LabelledPost> complaintData(List<LabelledPost> posts) {
    return posts.stream()
        .filter(p -> p.isComplaintTask() || saysWhetherItIsAComplaint(p))
        .map(
            p ->
                p.isComplaintTask() || p.isNegative()
                    ? p
                    : new LabelledPost(
                        p.id(), "not_negative", p.language(), p.text(), p.weight(), p.task()))
        .toList();
  }

  /** An English correction to negative (a complaint) or positive (not one). */
  private static boolean saysWhetherItIsAComplaint(LabelledPost p) {
    return LabelledPost.CORRECTION.equals(p.task())
        && "en".equals(p.language())
        && !LabelledPost.NEUTRAL.equals(p.label());
  }

  /** The n-gram features of each post, with {@code stemLanguage}'s word stems unless null. */
  private List<Counter<String>> ngramFeatures(
      List<LabelledPost> data, SentimentLexicon lexicon, String stemLanguage) {
    return data.parallelStream()
        .map(
            p -> {
              PreparedText t = preparer.prepare(p.text());
              return NgramFeatures.extract(t, lexicon.match(t.words()), stemLanguage);
            })
        .toList();
  }

  /** What one encoder step chose: its CV figure (NaN without the encoder), kept or not. */
  private record EncoderStep(
      boolean on,
      double macroF1,
      CrossValidatedDecision.Choice choice,
      List<Counter<String>> features) {}

  /** Tries an encoder's features on top of {@code features}; kept if 5-fold CV gains > 0.001. */
  private EncoderStep tryEncoder(
      SentenceEncoder e,
      List<LabelledPost> data,
      List<Counter<String>> features,
      CrossValidatedDecision.Choice current,
      double[] sigmas,
      boolean naiveBayes) {
    if (e == null) {
      return new EncoderStep(false, Double.NaN, current, features);
    }
    List<Counter<String>> encoded = withEncoderFeatures(e, data, features);
    CrossValidatedDecision.Choice tried = chooseNgram(data, encoded, sigmas, naiveBayes);
    boolean on = tried.macroF1() > current.macroF1() + 1e-3;
    return on
        ? new EncoderStep(true, tried.macroF1(), tried, encoded)
        : new EncoderStep(false, tried.macroF1(), current, features);
  }

  /**
   * The same features plus an encoder's (new counters; the inputs are kept). Posts go to the
   * encoder in chunks, one chunk per core at a time, so a batching encoder can batch.
   */
  private static List<Counter<String>> withEncoderFeatures(
      SentenceEncoder encoder, List<LabelledPost> data, List<Counter<String>> features) {
    int chunk = 64;
    List<float[]> vectors =
        IntStream.range(0, (data.size() + chunk - 1) / chunk)
            .parallel()
            .mapToObj(
                c ->
                    encoder.encodeAll(
                        data.subList(c * chunk, Math.min(data.size(), (c + 1) * chunk)).stream()
                            .map(p -> EnglishFeatures.encoderInput(p.text()))
                            .toList()))
            .flatMap(Arrays::stream)
            .toList();
    return IntStream.range(0, data.size())
        .mapToObj(
            i -> {
              Counter<String> f = new ClassicCounter<>(features.get(i));
              EnglishFeatures.addEncoderFeatures(encoder.name(), vectors.get(i), f);
              return f;
            })
        .toList();
  }

  /**
   * Factors for two groups of the English sentiment layer's features: words and bigrams, and the
   * sentence encoder's numbers (the rest keep 1). With one σ for all features, a factor is a wider
   * or narrower prior for that group: how much the layer may lean on it.
   */
  record FeatureGroups(double words, double encoder) {
    static final FeatureGroups PLAIN = new FeatureGroups(1, 1);

    /** Tried in this order; ties keep the earlier one, so all-1 wins unless beaten. */
    static final List<FeatureGroups> CANDIDATES =
        List.of(
            PLAIN,
            new FeatureGroups(0.5, 1),
            new FeatureGroups(0.25, 1),
            new FeatureGroups(1, 2),
            new FeatureGroups(0.5, 2),
            new FeatureGroups(1, 0.5));

    double factor(String feature, String encoderPrefix) {
      if (EnglishFeatures.isWordFeature(feature)) {
        return words;
      }
      return encoderPrefix != null && feature.startsWith(encoderPrefix) ? encoder : 1;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "word and bigram features x%s, sentence encoder x%s", words, encoder);
    }
  }

  /**
   * @param sources the sources held out in turn
   * @param macroF1 mean neg-vs-rest macro-F1 on the held-out sources with the chosen factor
   * @param plainMacroF1 the same with all factors 1
   */
  record GroupScaleChoice(
      FeatureGroups scale, List<String> sources, double macroF1, double plainMacroF1) {}

  /**
   * How much the English sentiment layer may lean on single words and bigrams and on the sentence
   * encoder ({@link FeatureGroups}), chosen by leaving out one training source at a time (e.g.
   * train on TweetEval's SemEval-2017 tweets, score VADER's, and the other way round). Why not
   * k-fold: words are where a layer learns its sources' topics (2017 politics), which k-fold
   * rewards and new data punishes; the held-out-source figure is the one that estimates a brand's
   * own posts. Null unless two sources have enough posts.
   */
  GroupScaleChoice chooseFeatureGroups(List<LabelledPost> data, List<Counter<String>> features) {
    Map<String, List<Integer>> bySource = new TreeMap<>();
    for (int i = 0; i < data.size(); i++) {
      if (data.get(i).source() != null && !LabelledPost.CORRECTION.equals(data.get(i).task())) {
        bySource.computeIfAbsent(data.get(i).source(), k -> new ArrayList<>()).add(i);
      }
    }
    bySource.values().removeIf(rows -> rows.size() < options.minPostsToCrossValidate());
    if (bySource.size() < 2) {
      return null;
    }
    List<String> sources = List.copyOf(bySource.keySet());
    GroupScaleChoice best = null;
    double plain = Double.NaN;
    for (FeatureGroups scale : FeatureGroups.CANDIDATES) {
      double mean =
          sources.parallelStream()
              .mapToDouble(
                  source -> {
                    Set<Integer> held = Set.copyOf(bySource.get(source));
                    List<Integer> train =
                        IntStream.range(0, data.size())
                            .filter(i -> !held.contains(i))
                            .boxed()
                            .toList();
                    LinearClassifier<String, String> layer =
                        fitScaled(data, train, features, options.englishSigma(), scale);
                    List<Integer> rows = bySource.get(source);
                    return CrossValidatedDecision.heldOutMacroF1(
                        layer,
                        rows.stream().map(data::get).toList(),
                        rows.stream().map(features::get).toList(),
                        options.decisionThreshold());
                  })
              .average()
              .orElse(0);
      if (Double.isNaN(plain)) {
        plain = mean;
      }
      if (best == null || mean > best.macroF1() + 1e-3) {
        best = new GroupScaleChoice(scale, sources, mean, plain);
      }
    }
    return new GroupScaleChoice(best.scale(), sources, best.macroF1(), plain);
  }

  /** The English sentiment layer on some of the posts, with feature groups scaled (and folded). */
  private LinearClassifier<String, String> fitScaled(
      List<LabelledPost> data,
      List<Integer> rows,
      List<Counter<String>> features,
      double sigma,
      FeatureGroups scale) {
    return fitScaled(
        rows.stream().map(data::get).toList(),
        rows.stream().map(features::get).toList(),
        sigma,
        scale);
  }

  private LinearClassifier<String, String> fitScaled(
      List<LabelledPost> posts, List<Counter<String>> features, double sigma, FeatureGroups scale) {
    if (scale.equals(FeatureGroups.PLAIN)) {
      return fit(posts, features, sigma);
    }
    String prefix = encoder == null ? null : encoder.name() + ":";
    ToDoubleFunction<String> factor = f -> scale.factor(f, prefix);
    return FeatureScaling.fold(
        fit(posts, features.stream().map(f -> FeatureScaling.scale(f, factor)).toList(), sigma),
        factor);
  }

  private LinearClassifier<String, String> fitSubset(
      List<LabelledPost> posts, List<Counter<String>> features, List<Integer> rows, double sigma) {
    return fit(
        rows.stream().map(posts::get).toList(), rows.stream().map(features::get).toList(), sigma);
  }

  private List<Counter<String>> englishFeatures(List<LabelledPost> data) {
    return data.parallelStream().map(p -> english.analyze(p.text()).features()).toList();
  }

  /**
   * One labelled set's probabilities for {@link DetractorMix#choose}: its own layer's out-of-fold
   * P(negative) and the other layer's P (trained on other posts only, so no fold is needed).
   *
   * @param sentimentSet true for the sentiment posts (own layer = sentiment), false for complaints
   */
  private DetractorMix.Scored scored(
      List<LabelledPost> data,
      List<Counter<String>> features,
      LinearClassifier<String, String> otherLayer,
      boolean sentimentSet,
      BiFunction<List<Integer>, Double, LinearClassifier<String, String>> fitOwn) {
    double[] own =
        CrossValidatedDecision.outOfFold(
            features, CrossValidatedDecision.folds(data), options.englishSigma(), fitOwn);
    double[] other = new double[data.size()];
    boolean[] gold = new boolean[data.size()];
    for (int i = 0; i < data.size(); i++) {
      other[i] =
          otherLayer.probabilityOf(new RVFDatum<>(features.get(i))).getCount(LabelledPost.NEGATIVE);
      gold[i] = data.get(i).isNegative();
    }
    return sentimentSet
        ? new DetractorMix.Scored(own, other, gold)
        : new DetractorMix.Scored(other, own, gold);
  }

  /**
   * The English complaint-vs-not layer from complaint-labelled posts (e.g. Preotiuc-Pietro et al.
   * 2019) and their features, already computed. Public so {@code evaluate}'s cross-validation can
   * retrain just this layer.
   */
  public LinearClassifier<String, String> trainComplaintLayer(
      List<LabelledPost> posts, List<Counter<String>> features) {
    return fit(posts, features, options.englishSigma());
  }

  private LinearClassifier<String, String> fit(
      List<LabelledPost> posts, List<Counter<String>> features, double sigma) {
    RVFDataset<String, String> data = new RVFDataset<>();
    for (int i = 0; i < posts.size(); i++) {
      RVFDatum<String, String> datum = new RVFDatum<>(features.get(i), posts.get(i).label());
      // A responder's correction counts several times: one post must be able to move the model.
      for (int w = 0; w < Math.max(1, posts.get(i).weight()); w++) {
        data.add(datum);
      }
    }
    if (options.minFeatureCount() > 1) {
      data.applyFeatureCountThreshold(options.minFeatureCount());
    }
    LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
    factory.setSigma(sigma);
    factory.setVerbose(false);
    return factory.trainClassifier(data);
  }
}
