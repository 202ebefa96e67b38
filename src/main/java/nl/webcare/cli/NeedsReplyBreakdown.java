package nl.webcare.cli;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import nl.webcare.evaluation.ClassificationReport;
import nl.webcare.mention.TriageClass;
import nl.webcare.triage.Triage;

/**
 * The needs-reply figures split by what kind of text it is, beside the one F1 of "complaint":
 * <ul>
 *   <li>complaints (gold {@code complaint}): how many opened a case; of the cases opened as a complaint or crisis, how
 *       many were one;</li>
 *   <li>questions: the development files label complaints only, so a question is derived, not annotated: a text not
 *       labelled a complaint that holds a question mark. How many opened a case; of the cases opened as a question, how
 *       many were a question or a complaint (both need a reply);</li>
 *   <li>neutral texts addressed to nobody (not a complaint, no question mark, no @handle or "you"/"jullie"): the rate
 *       at which they open a case, which listening sources must keep near zero.</li>
 * </ul>
 */
final class NeedsReplyBreakdown {
  private long complaints;
  private long complaintsOpened;
  private long openedAsComplaint;
  private long openedAsComplaintRight;
  private long questions;
  private long questionsOpened;
  private long openedAsQuestion;
  private long openedAsQuestionRight;
  private long neutralNotAddressed;
  private long neutralNotAddressedOpened;

  synchronized void add(String gold, String text, boolean opened, TriageClass triageClass) {
    boolean complaint = "complaint".equals(gold);
    boolean question = !complaint && text.indexOf('?') >= 0;
    boolean asComplaint = opened && (triageClass == TriageClass.COMPLAINT || triageClass == TriageClass.CRISIS);
    boolean asQuestion = opened && triageClass == TriageClass.QUESTION;
    if (complaint) {
      complaints++;
      complaintsOpened += opened ? 1 : 0;
    }
    if (question) {
      questions++;
      questionsOpened += opened ? 1 : 0;
    }
    if (asComplaint) {
      openedAsComplaint++;
      openedAsComplaintRight += complaint ? 1 : 0;
    }
    if (asQuestion) {
      openedAsQuestion++;
      openedAsQuestionRight += complaint || question ? 1 : 0;
    }
    if (!complaint && !question && !Triage.addressed(text)) {
      neutralNotAddressed++;
      neutralNotAddressedOpened += opened ? 1 : 0;
    }
  }

  synchronized JsonObject toJson() {
    return new JsonObject()
        .put("complaints", new JsonObject().put("n", complaints)
            .put("recall", rate(complaintsOpened, complaints))
            .put("opened_as_complaint", openedAsComplaint)
            .put("precision", rate(openedAsComplaintRight, openedAsComplaint)))
        .put("questions", new JsonObject().put("n", questions).put("derived", "not a complaint, holds a question mark")
            .put("recall", rate(questionsOpened, questions))
            .put("opened_as_question", openedAsQuestion)
            .put("precision", rate(openedAsQuestionRight, openedAsQuestion)))
        .put("neutral_not_addressed", new JsonObject().put("n", neutralNotAddressed)
            .put("opened", neutralNotAddressedOpened)
            .put("rate", rate(neutralNotAddressedOpened, neutralNotAddressed)));
  }

  synchronized String toText() {
    return String.format(Locale.ROOT, "complaints (%d): recall %.3f; opened as complaint or crisis %d, precision %.3f%n"
            + "questions (%d, derived: not a complaint, holds '?'): recall %.3f; opened as question %d, precision %.3f%n"
            + "neutral, addressed to nobody (%d): %d opened a case, rate %.3f%n",
        complaints, rate(complaintsOpened, complaints), openedAsComplaint, rate(openedAsComplaintRight, openedAsComplaint),
        questions, rate(questionsOpened, questions), openedAsQuestion, rate(openedAsQuestionRight, openedAsQuestion),
        neutralNotAddressed, neutralNotAddressedOpened, rate(neutralNotAddressedOpened, neutralNotAddressed));
  }

  private static double rate(long part, long whole) {
    return whole == 0 ? 0 : ClassificationReport.round((double) part / whole);
  }
}
