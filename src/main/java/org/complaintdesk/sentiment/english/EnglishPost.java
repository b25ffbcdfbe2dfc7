package org.complaintdesk.sentiment.english;

import edu.stanford.nlp.stats.Counter;
import java.util.List;
import org.complaintdesk.sentiment.lexicon.SentimentLexicon;
import org.complaintdesk.sentiment.prep.ComplaintCueFinder;
import org.complaintdesk.sentiment.prep.PreparedText;

/** Everything the English classifier looked at for one post: its evidence and its features. */
public record EnglishPost(
    PreparedText text,
    List<ScoredSentence> sentences,
    List<ComplaintCueFinder.Match> complaintCues,
    List<SentimentLexicon.Hit> lexiconHits,
    Counter<String> features) {}
