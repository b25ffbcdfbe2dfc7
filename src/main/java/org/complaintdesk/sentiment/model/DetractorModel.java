package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.complaintdesk.sentiment.network.SentimentNetwork;
import org.complaintdesk.sentiment.network.TunedLayers;

/**
 * The trained layers, in one file written by {@code train}: a logistic-regression classifier over
 * CoreNLP sentiment-tree features plus words and cues for English, one character n-gram classifier
 * per language with training data, and a lexicon-feature classifier that turns any language's
 * sentiment lexicon into probabilities (for Russian, Persian and Greek, which have no labelled
 * data). All are CoreNLP {@link LinearClassifier}s over labels negative/neutral/positive.
 *
 * @param complaint English complaint-vs-not layer (same features as {@code english}), trained on
 *     complaint-labelled posts; null when the training data had none
 * @param trainedTexts sorted {@link TextFingerprint}s of every training post, so {@code evaluate}
 *     can leave them out
 * @param trainedOn the data it was trained on (file names and row counts, corrections), for the
 *     model card and the {@code model} field of results
 * @param negativeOdds per language, the odds multiplier for P(negative) chosen by cross-validation
 *     on that language's training posts ({@link CrossValidatedDecision}; for English, on the
 *     average of layer and tone network, with the network's share and the detractor rule); null in
 *     models written before it existed, and English absent before {@code default-2026.12v} (no
 *     correction)
 * @param mix how English combines P(negative) and P(complaint), chosen by cross-validation on the
 *     training data ({@link DetractorMix#choose}); null in models written before it existed
 * @param escalations per n-gram language that uses multilingual BERT, the layer without it and
 *     which posts it decides alone ({@link EncoderEscalation}); null in models written before it
 *     existed (every post runs the encoder)
 * @param englishNetwork the fine-tuned English tone network ({@link TunedLayers}), averaged with
 *     the English sentiment layer; null when not trained (and in models written before it existed)
 * @param networkShare the network's weight in that average, chosen by cross-validation on the
 *     training data; null in models written before it was chosen (the plain mean)
 * @param moreEnglishNetworks further tone networks tuned like {@code englishNetwork} from other
 *     random starts; the network's probabilities are the mean of all ({@link #englishNetworks});
 *     null or empty for one network (and in models written before ensembles existed)
 * @param multilingualNetwork the fine-tuned multilingual tone network (a layer of multilingual
 *     BERT, {@link TunedLayers}), averaged with every n-gram layer's probabilities; null when not
 *     trained (and in models written before it existed)
 * @param multilingualShare its weight in that average; null for the plain mean ({@link
 *     SentimentNetwork#DEFAULT_SHARE}), fixed before it was measured (docs/model-card.md)
 * @param multilingualComplaints the complaint layer over multilingual BERT's vectors, read in every
 *     language but English, Arabic and Hindi ({@link MultilingualComplaintLayer#reads}); null when
 *     not trained (and in models written before it existed)
 */
public record DetractorModel(
    LinearClassifier<String, String> english,
    LinearClassifier<String, String> complaint,
    Map<String, LinearClassifier<String, String>> ngram,
    LinearClassifier<String, String> lexicon,
    long[] trainedTexts,
    List<String> trainedOn,
    String version,
    Map<String, Double> negativeOdds,
    DetractorMix mix,
    Map<String, EncoderEscalation> escalations,
    TunedLayers englishNetwork,
    Double networkShare,
    List<TunedLayers> moreEnglishNetworks,
    TunedLayers multilingualNetwork,
    Double multilingualShare,
    MultilingualComplaintLayer multilingualComplaints)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Where the default model ships inside the jar. */
  public static final String BUNDLED = "/sentiment/default-model.ser.gz";

  /** True if the model saw this text in training. */
  public boolean trainedOn(String text) {
    return TextFingerprint.contains(trainedTexts, text);
  }

  /** The odds multiplier for P(negative) in this language; 1 (none) when not chosen. */
  public double negativeOdds(String language) {
    return negativeOdds == null ? 1.0 : negativeOdds.getOrDefault(language, 1.0);
  }

  /** The first layer and band of this language's n-gram layer, or null if it has none. */
  public EncoderEscalation escalation(String language) {
    return escalations == null ? null : escalations.get(language);
  }

  /** Every English tone network, whose probabilities are averaged; empty when it has none. */
  public List<TunedLayers> englishNetworks() {
    List<TunedLayers> out = new java.util.ArrayList<>();
    if (englishNetwork != null) {
      out.add(englishNetwork);
      if (moreEnglishNetworks != null) {
        out.addAll(moreEnglishNetworks);
      }
    }
    return out;
  }

  /** How a list of tone networks is kept: the first in {@code englishNetwork}, or null. */
  static TunedLayers firstNetwork(List<TunedLayers> networks) {
    return networks.isEmpty() ? null : networks.get(0);
  }

  /** How a list of tone networks is kept: the rest in {@code moreEnglishNetworks}, or null. */
  static List<TunedLayers> moreNetworks(List<TunedLayers> networks) {
    return networks.size() > 1 ? List.copyOf(networks.subList(1, networks.size())) : null;
  }

  /** The tone network's share; {@link SentimentNetwork#DEFAULT_SHARE} where none was chosen. */
  public double toneNetworkShare() {
    return networkShare == null ? SentimentNetwork.DEFAULT_SHARE : networkShare;
  }

  /** The multilingual tone network's share; the plain mean where none was chosen. */
  public double multilingualNetworkShare() {
    return multilingualShare == null ? SentimentNetwork.DEFAULT_SHARE : multilingualShare;
  }

  /** The English detractor rule; {@link DetractorMix#LEGACY} for models that have none. */
  public DetractorMix detractorMix() {
    return mix == null ? DetractorMix.LEGACY : mix;
  }

  /** The same model with another complaint layer (cross-validation retrains only that layer). */
  public DetractorModel withComplaintLayer(LinearClassifier<String, String> layer, long[] texts) {
    return withComplaintLayers(layer, texts, trainedOn, version, multilingualComplaints);
  }

  /**
   * The same layers with tone networks and the detractor rule and English odds correction chosen
   * with them (null: none), renamed.
   */
  public DetractorModel withToneNetwork(
      List<TunedLayers> networks,
      double networkShare,
      DetractorMix newMix,
      Double englishOdds,
      String newVersion,
      List<String> newTrainedOn) {
    Map<String, Double> odds = new TreeMap<>(negativeOdds == null ? Map.of() : negativeOdds);
    odds.remove("en");
    if (englishOdds != null) {
      odds.put("en", englishOdds);
    }
    return withNetworks(
        networks,
        networkShare,
        newMix,
        odds,
        multilingualNetwork,
        multilingualShare,
        newVersion,
        newTrainedOn);
  }

  /** The same layers with a multilingual tone network (its share the plain mean), renamed. */
  public DetractorModel withMultilingualNetwork(
      TunedLayers network, String newVersion, List<String> newTrainedOn) {
    return withNetworks(
        englishNetworks(),
        networkShare,
        mix,
        negativeOdds,
        network,
        null,
        newVersion,
        newTrainedOn);
  }

  /** The trained layers kept, the networks (and the rule chosen with them) as given. */
  private DetractorModel withNetworks(
      List<TunedLayers> english,
      Double englishShare,
      DetractorMix newMix,
      Map<String, Double> newNegativeOdds,
      TunedLayers multilingual,
      Double newMultilingualShare,
      String newVersion,
      List<String> newTrainedOn) {
    return new DetractorModel(
        this.english,
        complaint,
        ngram,
        lexicon,
        trainedTexts,
        newTrainedOn,
        newVersion,
        newNegativeOdds,
        newMix,
        escalations,
        firstNetwork(english),
        englishShare,
        moreNetworks(english),
        multilingual,
        newMultilingualShare,
        multilingualComplaints);
  }

  /** The same layers with a multilingual complaint layer, renamed. */
  public DetractorModel withMultilingualComplaints(
      MultilingualComplaintLayer layer, String newVersion, List<String> newTrainedOn) {
    return withComplaintLayers(complaint, trainedTexts, newTrainedOn, newVersion, layer);
  }

  /** Every other layer kept, the two complaint layers (and the record of training) as given. */
  private DetractorModel withComplaintLayers(
      LinearClassifier<String, String> complaintLayer,
      long[] texts,
      List<String> newTrainedOn,
      String newVersion,
      MultilingualComplaintLayer multilingual) {
    return new DetractorModel(
        english,
        complaintLayer,
        ngram,
        lexicon,
        texts,
        newTrainedOn,
        newVersion,
        negativeOdds,
        mix,
        escalations,
        englishNetwork,
        networkShare,
        moreEnglishNetworks,
        multilingualNetwork,
        multilingualShare,
        multilingual);
  }

  public void save(Path file) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try (var out =
        new ObjectOutputStream(
            new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file))))) {
      out.writeObject(this);
    }
  }

  public static DetractorModel load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /** The model shipped in the jar, or null if the build has none. */
  public static DetractorModel bundled() {
    try (InputStream in = DetractorModel.class.getResourceAsStream(BUNDLED)) {
      return in == null ? null : read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled sentiment model", e);
    }
  }

  private static DetractorModel read(InputStream raw) throws IOException {
    try (var in = new ObjectInputStream(new GZIPInputStream(new BufferedInputStream(raw)))) {
      return (DetractorModel) in.readObject();
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IOException("not a Complaint Desk sentiment model", e);
    }
  }
}
