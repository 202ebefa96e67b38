package nl.webcare.triage;

import nl.webcare.mention.TriageClass;
import nl.webcare.sentiment.TriageCues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.webcare.resources.ClasspathResources;
import nl.webcare.mention.Mention;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.sentiment.CueText;

/**
 * Decides what kind of mention this is, whether it needs a reply, and how urgent it is.
 *
 * <ul>
 *   <li>crisis: a crisis cue (legal threat, safety or health, data leak, outage, press);</li>
 *   <li>complaint: negative sentiment, a sentiment score at or below {@code complaintScore} (mildly negative
 *       is enough to be looked at), a review of one or two stars, or a complaint cue in a text that is
 *       not positive (a polite complaint: "my order never arrived, did you refund?");</li>
 *   <li>question: a question or help cue, or a question mark;</li>
 *   <li>praise: positive sentiment or a praise cue; other: the rest.</li>
 * </ul>
 * Crises, complaints and questions need a reply. Urgency and the worklist's sort key (urgency plus
 * age) come from {@link PriorityFormula}.
 */
public final class Triage {
  public static final String SETTINGS = "sentiment-models/triage/triage.properties";
  private static Triage standard;

  private final TriageCues english;
  private final TriageCues dutch;
  private final PriorityFormula formula;
  private final double complaintScore;

  Triage(TriageCues english, TriageCues dutch, PriorityFormula formula, double complaintScore) {
    this.english = english;
    this.dutch = dutch;
    this.formula = formula;
    this.complaintScore = complaintScore;
  }

  /** The triage with the shipped cue lexicons and formula, loaded once (tests and the command line). */
  public static synchronized Triage standard() {
    if (standard == null) {
      standard = load();
    }
    return standard;
  }

  /** The formula of urgency and sort keys this triage uses. */
  public PriorityFormula formula() {
    return formula;
  }

  /** Loads the cue lexicons, the settings and the priority formula; fails naming the file that is wrong. */
  public static Triage load() {
    double complaintScore = ClasspathResources.number(ClasspathResources.properties(SETTINGS), SETTINGS, "complaintScore");
    return new Triage(TriageCues.load("en"), TriageCues.load("nl"), PriorityFormula.load(), complaintScore);
  }

  /**
   * @param reasons the cues behind the class, e.g. "complaint:never arrived", "stars:1"
   */
  public record Decision(TriageClass triageClass, boolean needsReply, double urgency, long priority, List<String> reasons) {
    public Decision {
      reasons = List.copyOf(reasons);
    }
  }

  public Decision decide(ScoredMention scored) {
    Mention m = scored.mention();
    SentimentLabel label = scored.sentiment().label();
    TriageCues cues = "nl".equals(scored.sentiment().language()) ? dutch
        : label == SentimentLabel.UNSCORED ? null : english;
    String text = CueText.of(m.fullText());
    Map<TriageCues.Kind, List<String>> found = cues == null ? Map.of() : cues.find(text);
    List<String> reasons = new ArrayList<>();
    found.forEach((kind, phrases) -> phrases.forEach(p -> reasons.add(kind.name().toLowerCase(Locale.ROOT) + ":" + p)));
    if (m.rating() != null) {
      reasons.add("stars:" + m.rating());
    }
    double score = scored.sentiment().score();
    boolean leans = leansNegative(label, score)
        && (addressed(m.fullText()) || moreThanTheParsersLean(scored.sentiment().cues()));
    TriageClass triageClass = classify(label, leans, m.rating(), found, text);
    if (triageClass == TriageClass.COMPLAINT && label != SentimentLabel.NEGATIVE && leans) {
      reasons.add(String.format(Locale.ROOT, "score:%.2f", score)); // why a neutral-labelled text is a complaint
    }
    boolean needsReply = triageClass == TriageClass.CRISIS || triageClass == TriageClass.COMPLAINT
        || triageClass == TriageClass.QUESTION;
    double urgency = formula.urgency(triageClass, score, m.rating(),
        m.details().authorFollowers(), m.details().engagement());
    // The age term counts from publication, but at most a day before Webcare scored (saw) the mention.
    long priority = formula.priority(urgency, m.publishedAt(), scored.scoredAt());
    return new Decision(triageClass, needsReply, urgency, priority, reasons);
  }

  /** A scored text at or below {@code complaintScore}: mildly negative is enough for the worklist. */
  private boolean leansNegative(SentimentLabel label, double score) {
    return label != SentimentLabel.UNSCORED && score <= complaintScore;
  }

  private static final java.util.regex.Pattern ADDRESSED = java.util.regex.Pattern.compile(
      "(?i)(?<![\\w@])@\\w|\\b(you|your|yours|u|ur|jij|jou|jouw|jullie|je|uw)\\b");

  /** Written to someone (an @handle, "you", "jullie", "uw"): a lean towards negative is enough then. */
  public static boolean addressed(String text) {
    return text != null && ADDRESSED.matcher(text).find();
  }

  /**
   * Whether something besides CoreNLP's verdict leans negative: a lexicon word or the lexicon's score below zero. CoreNLP
   * alone leans slightly negative on plain news ("Acme published its quarterly report today": -0.27), which must not
   * open a case by itself when the label is neutral and nobody is addressed (measured: sentiment-models/README.md).
   */
  static boolean moreThanTheParsersLean(List<String> cues) {
    for (String cue : cues) {
      if (cue.startsWith("corenlp:")) {
        continue;
      }
      int colon = cue.lastIndexOf(':');
      try {
        if (colon > 0 && Double.parseDouble(cue.substring(colon + 1)) < 0) {
          return true;
        }
      } catch (NumberFormatException notANumber) {
        // a cue phrase, not a valence
      }
    }
    return false;
  }

  private TriageClass classify(SentimentLabel label, boolean leans, Integer rating,
      Map<TriageCues.Kind, List<String>> found, String text) {
    if (found.containsKey(TriageCues.Kind.CRISIS)) {
      return TriageClass.CRISIS;
    }
    boolean lowStars = rating != null && rating <= 2;
    // The label is balanced for marketing's sentiment figures; the worklist's entry leans to recall, since an
    // agent dismisses a mention that needed nothing in seconds and a missed complaint costs a customer.
    if (label == SentimentLabel.NEGATIVE || leans || lowStars
        || (found.containsKey(TriageCues.Kind.COMPLAINT) && label != SentimentLabel.POSITIVE)) {
      return TriageClass.COMPLAINT;
    }
    if (found.containsKey(TriageCues.Kind.QUESTION) || found.containsKey(TriageCues.Kind.HELP) || text.contains("?")) {
      return TriageClass.QUESTION;
    }
    if (label == SentimentLabel.POSITIVE || found.containsKey(TriageCues.Kind.PRAISE)) {
      return TriageClass.PRAISE;
    }
    return TriageClass.OTHER;
  }
}
