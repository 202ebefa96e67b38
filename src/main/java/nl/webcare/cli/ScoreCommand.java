package nl.webcare.cli;

import nl.webcare.evaluation.ClassificationReport;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import nl.webcare.mention.Mention;
import nl.webcare.mention.SentenceSentiment;
import nl.webcare.mention.SentimentResult;
import nl.webcare.triage.MentionAssessor;

/**
 * {@code score [FILE]}: one text per line (or the data-set TSV format, recognised by its header), from
 * the file or standard input; one JSON line per text with what the service would decide.
 */
final class ScoreCommand {
  private final MentionAssessor assessor;

  ScoreCommand(MentionAssessor assessor) {
    this.assessor = assessor;
  }

  void run(BufferedReader input, PrintStream output) throws IOException {
    String line = input.readLine();
    boolean tsv = line != null && line.startsWith("id\tlabel\ttext");
    if (tsv) {
      line = input.readLine();
    }
    int number = 0;
    while (line != null) {
      number++;
      String id = Integer.toString(number);
      String text = line;
      String gold = null;
      if (tsv) {
        String[] cells = line.split("\t", 4);
        id = cells[0];
        gold = cells.length > 1 ? cells[1] : null;
        text = cells.length > 2 ? cells[2] : "";
      }
      output.println(score(id, text, gold).encode());
      line = input.readLine();
    }
  }

  JsonObject score(String id, String text, String gold) {
    Mention mention = Mention.ofText("score", id, text);
    MentionAssessor.Assessment a = assessor.assess(mention);
    SentimentResult s = a.scored().sentiment();
    JsonArray sentences = new JsonArray();
    for (SentenceSentiment sentence : s.sentences()) {
      sentences.add(new JsonObject().put("class", sentence.sentimentClass())
          .put("score", ClassificationReport.round(sentence.score())));
    }
    JsonObject json = new JsonObject().put("id", id);
    if (gold != null) {
      json.put("gold", gold);
    }
    JsonObject probabilities = new JsonObject()
        .put("negative", ClassificationReport.round(s.probabilities().negative()))
        .put("neutral", ClassificationReport.round(s.probabilities().neutral()))
        .put("positive", ClassificationReport.round(s.probabilities().positive()));
    java.util.Set<String> reasons = new java.util.LinkedHashSet<>(s.cues());
    reasons.addAll(a.decision().reasons());
    JsonArray why = new JsonArray(new java.util.ArrayList<Object>(reasons));
    return json.put("label", s.label().wire())
        .put("score", ClassificationReport.round(s.score()))
        .put("probabilities", probabilities)
        .put("language", s.language())
        .put("triage", a.decision().triageClass().wire())
        .put("needs_reply", a.decision().needsReply())
        .put("urgency", ClassificationReport.round(a.decision().urgency()))
        .put("priority", a.decision().priority())
        .put("truncated", s.truncated())
        .put("sentences", sentences)
        .put("why", why)
        .put("text", text);
  }
}
