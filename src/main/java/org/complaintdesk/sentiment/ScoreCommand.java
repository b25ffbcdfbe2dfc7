package org.complaintdesk.sentiment;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code score "some text"}: prints the sentiment result for a text as JSON. */
public class ScoreCommand extends Command {
  public ScoreCommand() {
    super("score", "Prints the sentiment result for a text");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("text").nargs("+").help("the text to score");
    subparser
        .addArgument("--threshold")
        .type(Double.class)
        .setDefault(new SentimentConfiguration().detractorThreshold)
        .help("detractor threshold");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    String text = String.join(" ", namespace.<String>getList("text"));
    var config = new SentimentConfiguration();
    config.detractorThreshold = namespace.getDouble("threshold");
    SentimentScorer scorer = SentimentFeature.buildScorer(config);
    SentimentResult result = scorer.score(text);
    System.out.println(
        bootstrap.getObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
  }
}
