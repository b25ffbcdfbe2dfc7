package org.complaintdesk.sentiment.model;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.db.DatabaseSetup;
import org.complaintdesk.sentiment.SentimentComponents;
import org.complaintdesk.sentiment.english.E5SentenceEncoder;
import org.complaintdesk.sentiment.labels.CorrectionsSource;
import org.complaintdesk.sentiment.network.ToneNetworkTrainer;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code train --data FILE.tsv ... [--config config.yml] [--out model.ser.gz]}: builds the trained
 * layers from labelled TSV files and, with {@code --config}, the responders' label corrections in
 * that installation's database; writes one model file.
 */
public class TrainCommand extends Command {
  private static final String TONE_NETWORK = "tone-network";
  private static final String MULTILINGUAL_NETWORK = "multilingual-network";
  private static final String MULTILINGUAL_COMPLAINTS = "multilingual-complaints";

  public TrainCommand() {
    super("train", "Trains the sentiment model from labelled TSV files and label corrections");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser
        .addArgument("--data")
        .action(Arguments.append())
        .required(true)
        .help("labelled TSV (id, label, [lang,] ... text); repeat for several files");
    subparser
        .addArgument("--exclude")
        .action(Arguments.append())
        .help("TSV whose texts must not be trained on (the files you will evaluate on)");
    subparser
        .addArgument("--config")
        .help("config.yml of the installation whose label corrections to learn from");
    subparser
        .addArgument("--out")
        .setDefault("data/sentiment-model.ser.gz")
        .help("where to write the model (point sentiment.modelFile at it)");
    subparser.addArgument("--name").setDefault("local").help("model version name");
    subparser
        .addArgument("--base")
        .help(
            "a model file whose layers to keep: only the layer named by --add is trained (on the"
                + " posts of --data it reads) and added to it");
    subparser
        .addArgument("--add")
        .choices(TONE_NETWORK, MULTILINGUAL_NETWORK, MULTILINGUAL_COMPLAINTS)
        .setDefault(TONE_NETWORK)
        .help(
            "with --base: the English tone network (and the detractor rule chosen with it), or the"
                + " multilingual tone network of the n-gram languages, or the complaint layer over"
                + " multilingual BERT that posts in other languages than English, Arabic and Hindi"
                + " are also read with (trained on the complaint-labelled posts of --data)");
    subparser
        .addArgument("--no-tone-network")
        .action(Arguments.storeTrue())
        .help("train without the English tone network (minutes instead of about half an hour)");
    subparser
        .addArgument("--no-multilingual-network")
        .action(Arguments.storeTrue())
        .help("train without the multilingual tone network (about 20 minutes less on 2 cores)");
    subparser
        .addArgument("--tone-layers")
        .type(Integer.class)
        .choices(E5SentenceEncoder.tunableLayerCounts())
        .setDefault(ToneNetworkTrainer.Options.defaults().tunedLayers())
        .help(
            "how many of e5's top layers the tone network tunes (the shipped model's 6; 4, as before"
                + " default-2026.12w, takes two thirds of the training time)");
    subparser
        .addArgument("--tone-bfloat16")
        .action(Arguments.storeTrue())
        .help(
            "keep the tone network's changes as bfloat16 instead of 8 bits, as models before"
                + " default-2026.12w did (about twice the size: six such layers take the model past"
                + " 30 MB)");
    subparser
        .addArgument("--tone-networks")
        .type(Integer.class)
        .choices(Arguments.range(1, 4))
        .setDefault(ToneNetworkTrainer.Options.defaults().networks())
        .help(
            "how many tone networks to tune from different random starts and average (each more"
                + " costs the tuning time again; more than one stores each in 8 bits, about 6 MB)");
    subparser
        .addArgument("--correction-weight")
        .type(Integer.class)
        .setDefault(CorrectionsSource.DEFAULT_WEIGHT)
        .help("how many public posts one correction is worth");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
    Map<String, List<LabelledPost>> files = new LinkedHashMap<>();
    List<String> provenance = new ArrayList<>();
    for (String f : ns.<String>getList("data")) {
      List<LabelledPost> read = LabelledTsv.read(Path.of(f));
      files.merge(Path.of(f).getFileName().toString(), read, EvaluationOverlap::concat);
      provenance.add(Path.of(f).getFileName() + ": " + read.size() + " rows");
    }
    if (ns.getString("config") != null) {
      Jdbi jdbi = database(bootstrap, Path.of(ns.getString("config")));
      List<LabelledPost> corrections =
          CorrectionsSource.fromDatabase(jdbi, ns.getInt("correction_weight"));
      files.put("label corrections", corrections);
      provenance.add("label corrections: " + corrections.size());
    }
    List<String> excludeFiles = ns.getList("exclude") == null ? List.of() : ns.getList("exclude");
    Set<Long> excluded = new HashSet<>();
    for (String f : excludeFiles) {
      LabelledTsv.read(Path.of(f)).forEach(p -> excluded.add(TextFingerprint.of(p.text())));
      provenance.add("excluding texts of " + Path.of(f).getFileName());
    }
    int before = files.values().stream().mapToInt(List::size).sum();
    EvaluationOverlap.Result overlap = EvaluationOverlap.apply(files, excluded);
    List<LabelledPost> posts = overlap.kept();
    overlap.log().forEach(System.out::println);
    provenance.addAll(overlap.log());
    System.out.printf(
        "Training on %d labelled posts (%d left out because of evaluation files)%n",
        posts.size(), before - posts.size());
    long t0 = System.nanoTime();
    ModelTrainer.TrainingOptions options = trainingOptions(ns);
    ModelTrainer trainer = SentimentComponents.load().trainer(options);
    String base = ns.getString("base");
    String name = ns.getString("name");
    DetractorModel model;
    if (base == null) {
      model = trainer.train(posts, provenance, name);
    } else if (MULTILINGUAL_COMPLAINTS.equals(ns.getString("add"))) {
      model =
          trainer.withMultilingualComplaints(
              DetractorModel.load(Path.of(base)), posts, provenance, name);
    } else if (MULTILINGUAL_NETWORK.equals(ns.getString("add"))) {
      model =
          trainer.withMultilingualNetwork(
              DetractorModel.load(Path.of(base)), posts, provenance, name);
    } else {
      model = trainer.withToneNetwork(DetractorModel.load(Path.of(base)), posts, provenance, name);
    }
    Path out = Path.of(ns.getString("out"));
    model.save(out);
    System.out.printf(
        "Wrote %s in %.0f s; trained on %s%n",
        out, (System.nanoTime() - t0) / 1e9, model.trainedOn());
  }

  /** The training recipe the command line asks for: the shipped one unless an option changes it. */
  static ModelTrainer.TrainingOptions trainingOptions(Namespace ns) {
    ModelTrainer.TrainingOptions options = ModelTrainer.TrainingOptions.defaults();
    if (ns.getBoolean("no_tone_network")) {
      options = options.withToneNetwork(null);
    } else {
      ToneNetworkTrainer.Options tone =
          options
              .toneNetwork()
              .withTunedLayers(ns.getInt("tone_layers"))
              .withNetworks(ns.getInt("tone_networks"));
      options = options.withToneNetwork(tone.withEightBit(!ns.getBoolean("tone_bfloat16")));
    }
    if (ns.getBoolean("no_multilingual_network")) {
      options = options.withMultilingualNetwork(null);
    }
    return options;
  }

  private static Jdbi database(Bootstrap<?> bootstrap, Path config) throws Exception {
    var factory =
        new YamlConfigurationFactory<>(
            ComplaintDeskConfiguration.class,
            bootstrap.getValidatorFactory().getValidator(),
            bootstrap.getObjectMapper(),
            "dw");
    ComplaintDeskConfiguration c =
        factory.build(
            new SubstitutingSourceProvider(
                new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
            config.toString());
    var db = c.getDatabase();
    DatabaseSetup.prepare(db);
    return DatabaseSetup.configure(Jdbi.create(db.getUrl(), db.getUser(), db.getPassword()));
  }
}
