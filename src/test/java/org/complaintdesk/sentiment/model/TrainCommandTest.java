package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.Namespace;
import org.complaintdesk.sentiment.network.ToneNetworkTrainer;
import org.junit.jupiter.api.Test;

/** The command line's options reach the training recipe (parsed by the real argument parser). */
class TrainCommandTest {

  private static ModelTrainer.TrainingOptions parse(String... args) throws Exception {
    ArgumentParser parser = ArgumentParsers.newFor("complaint-desk").build();
    new TrainCommand().configure(parser.addSubparsers().addParser("train"));
    String[] all = new String[args.length + 3];
    all[0] = "train";
    all[1] = "--data";
    all[2] = "posts.tsv";
    System.arraycopy(args, 0, all, 3, args.length);
    Namespace ns = parser.parseArgs(all);
    return TrainCommand.trainingOptions(ns);
  }

  @Test
  void withoutOptionsTheShippedRecipe() throws Exception {
    ModelTrainer.TrainingOptions options = parse();

    assertThat(options).isEqualTo(ModelTrainer.TrainingOptions.defaults());
    ToneNetworkTrainer.Options tone = options.toneNetwork();
    assertThat(tone.tunedLayers()).isEqualTo(6);
    assertThat(tone.eightBit()).isTrue();
    // the shipped model's English network names the same recipe (ToneNetworkTrainer's describe)
    assertThat(DetractorModel.bundled().trainedOn())
        .anyMatch(
            d ->
                d.contains(
                    String.format(
                        Locale.ROOT,
                        "en: tone network en: 15507 posts; %d layers from layer %d, %d epochs, lr"
                            + " %.0e, batch %d, dropout %.1f, seed %d, 8-bit changes",
                        tone.tunedLayers(),
                        12 - tone.tunedLayers(),
                        tone.epochs(),
                        tone.learningRate(),
                        tone.batchSize(),
                        tone.dropout(),
                        tone.seed())));
  }

  @Test
  void fourLayersAsBfloat16AsBefore() throws Exception {
    ToneNetworkTrainer.Options tone = parse("--tone-layers", "4", "--tone-bfloat16").toneNetwork();

    assertThat(tone.tunedLayers()).isEqualTo(4);
    assertThat(tone.eightBit()).isFalse();
    assertThat(tone.networks()).isEqualTo(1);
    // the rest of the recipe is the shipped one
    assertThat(tone.epochs()).isEqualTo(ToneNetworkTrainer.Options.defaults().epochs());
    assertThat(tone.seed()).isEqualTo(ToneNetworkTrainer.Options.defaults().seed());
  }

  @Test
  void networksCanBeLeftOut() throws Exception {
    ModelTrainer.TrainingOptions options = parse("--no-tone-network", "--no-multilingual-network");

    assertThat(options.toneNetwork()).isNull();
    assertThat(options.multilingualNetwork()).isNull();
  }
}
