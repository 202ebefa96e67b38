package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import nl.webcare.casework.CaseRefusal;
import nl.webcare.casework.CaseWork;
import nl.webcare.performance.Surveys;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.CaseCommand;

/**
 * The public survey page, {@code /s/{token}}: no key, no cookie, nothing of the case or the customer on it, only the
 * question (in the customer's language, Dutch or English), five choices and an optional comment. One answer per
 * link, kept on the case; a forged link is refused before anything is looked up, an expired one says so; each
 * client address may open or answer {@value #LIMIT_TEXT} a minute.
 */
final class SurveyPage {
  private static final String LIMIT_TEXT = "30 times";
  private static final int MAX_COMMENT = 1000;
  /** Who answered, as the case's history names them. */
  private static final Actor CUSTOMER = new Actor("customer", true);
  private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;"
      + "padding:0 1rem;color:#1d1d1f}fieldset{border:0;padding:0}label{display:block;margin:.4rem 0}"
      + "textarea{width:100%;min-height:5rem}button{margin-top:1rem;padding:.5rem 1.5rem;font-size:1rem}"
      + ".error{color:#b00020}";
  private static final String POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; form-action 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'";

  private final Surveys surveys;
  private final CaseWork work;

  SurveyPage(Surveys surveys, CaseWork work) {
    this.surveys = surveys;
    this.work = work;
  }

  void mount(Router router) {
    router.get("/s/:token").handler(this::show);
    router.post("/s/:token").handler(this::answer);
  }

  private void show(RoutingContext ctx) {
    limited(ctx).compose(allowed -> !allowed ? Future.succeededFuture((Surveys.Lookup) null)
        : surveys.open(ctx.pathParam("token"), Instant.now())).onSuccess(lookup -> {
          if (lookup == null) {
            page(ctx, 429, text(guess(ctx), Text.BUSY));
          } else if (lookup.state() == Surveys.State.OPEN) {
            page(ctx, 200, form(nl(lookup.language()), null));
          } else {
            ended(ctx, lookup);
          }
        }).onFailure(e -> page(ctx, 503, text(guess(ctx), Text.DOWN)));
  }

  private void answer(RoutingContext ctx) {
    String scoreText = ctx.request().getFormAttribute("score");
    String comment = clean(ctx.request().getFormAttribute("comment"));
    Integer score = scoreText != null && scoreText.matches("[1-5]") ? Integer.valueOf(scoreText) : null;
    limited(ctx).compose(allowed -> {
      if (!allowed) {
        return Future.succeededFuture((Surveys.Lookup) null);
      }
      // a bad answer uses nothing up: look the link up without using it
      return score == null ? surveys.open(ctx.pathParam("token"), Instant.now())
          : surveys.answer(ctx.pathParam("token"), Instant.now());
    }).compose(lookup -> lookup != null && lookup.state() == Surveys.State.OPEN && score != null
        ? work.apply(lookup.caseId(), CUSTOMER, new CaseCommand.Rated(score, comment, Instant.now())).map(lookup)
            // the case was erased since the link went out (the customer asked to be forgotten): no case, no answer
            .recover(e -> e instanceof CaseRefusal refusal && refusal.kind() == CaseRefusal.Kind.NOT_FOUND
                ? Future.succeededFuture(Surveys.Lookup.of(Surveys.State.INVALID)) : Future.failedFuture(e))
        : Future.succeededFuture(lookup)).onSuccess(lookup -> {
          if (lookup == null) {
            page(ctx, 429, text(guess(ctx), Text.BUSY));
          } else if (lookup.state() != Surveys.State.OPEN) {
            ended(ctx, lookup);
          } else if (score == null) {
            page(ctx, 400, form(nl(lookup.language()), text(nl(lookup.language()), Text.PICK)));
          } else {
            page(ctx, 200, message(nl(lookup.language()), Text.THANKS));
          }
        }).onFailure(e -> page(ctx, 503, text(guess(ctx), Text.DOWN)));
  }

  private Future<Boolean> limited(RoutingContext ctx) {
    return surveys.allow(Authentication.client(ctx), Instant.now());
  }

  private void ended(RoutingContext ctx, Surveys.Lookup lookup) {
    boolean nl = lookup.language() != null ? nl(lookup.language()) : guess(ctx);
    switch (lookup.state()) {
      case ANSWERED -> page(ctx, 200, message(nl, Text.ALREADY));
      case EXPIRED -> page(ctx, 410, message(nl, Text.EXPIRED));
      default -> page(ctx, 404, message(nl, Text.INVALID));
    }
  }

  private static String form(boolean nl, String error) {
    StringBuilder html = new StringBuilder("<h1>").append(text(nl, Text.TITLE)).append("</h1>");
    if (error != null) {
      html.append("<p class=\"error\" role=\"alert\">").append(error).append("</p>");
    }
    html.append("<form method=\"post\"><fieldset><legend>").append(text(nl, Text.QUESTION)).append("</legend>");
    for (int score = 5; score >= 1; score--) {
      html.append("<label><input type=\"radio\" name=\"score\" value=\"").append(score).append("\" required> ")
          .append(score).append(" - ").append(text(nl, Text.values()[Text.SCORE_1.ordinal() + score - 1]))
          .append("</label>");
    }
    html.append("</fieldset><label for=\"comment\">").append(text(nl, Text.COMMENT)).append("</label>")
        .append("<textarea id=\"comment\" name=\"comment\" maxlength=\"").append(MAX_COMMENT).append("\"></textarea>")
        .append("<button type=\"submit\">").append(text(nl, Text.SEND)).append("</button></form>");
    return document(nl, html.toString());
  }

  private static String message(boolean nl, Text which) {
    return document(nl, "<h1>" + text(nl, Text.TITLE) + "</h1><p>" + text(nl, which) + "</p>");
  }

  private static String document(boolean nl, String body) {
    return "<!DOCTYPE html><html lang=\"" + (nl ? "nl" : "en") + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + text(nl, Text.TITLE)
        + "</title><style>" + STYLE + "</style></head><body>" + body + "</body></html>";
  }

  private static void page(RoutingContext ctx, int status, String html) {
    String body = html.startsWith("<!DOCTYPE") ? html : document(guess(ctx), "<p>" + html + "</p>");
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", POLICY).putHeader("Cache-Control", "no-store").end(body);
  }

  private static boolean nl(String language) {
    return "nl".equals(language);
  }

  /** The browser's language, for a link that is not ours (whose language Webcare does not know). */
  private static boolean guess(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept-Language");
    return accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("nl");
  }

  /** At most {@link #MAX_COMMENT} characters, without control or text-direction characters; null when empty. */
  private static String clean(String comment) {
    if (comment == null) {
      return null;
    }
    String cleaned = LogText.clean(comment.replace("\r\n", "\n").replace('\n', ' ')).strip();
    cleaned = cleaned.length() > MAX_COMMENT ? cleaned.substring(0, MAX_COMMENT) : cleaned;
    return cleaned.isEmpty() ? null : cleaned;
  }

  private enum Text {
    TITLE("How did we do?", "Hoe hebben we u geholpen?"),
    QUESTION("How satisfied are you with the help you got?", "Hoe tevreden bent u over de hulp die u kreeg?"),
    SCORE_1("very unhappy", "zeer ontevreden"),
    SCORE_2("unhappy", "ontevreden"),
    SCORE_3("neither", "neutraal"),
    SCORE_4("happy", "tevreden"),
    SCORE_5("very happy", "zeer tevreden"),
    COMMENT("Anything you want to add? (optional)", "Wilt u nog iets kwijt? (niet verplicht)"),
    SEND("Send", "Versturen"),
    PICK("Please choose one of the five answers.", "Kies een van de vijf antwoorden."),
    THANKS("Thank you! Your answer helps us do better.", "Dank u wel! Met uw antwoord kunnen we het beter doen."),
    ALREADY("Thank you, we already have your answer.", "Dank u wel, we hebben uw antwoord al."),
    EXPIRED("This survey link has expired.", "Deze link naar de vragenlijst is verlopen."),
    INVALID("This survey link is not valid.", "Deze link naar de vragenlijst is niet geldig."),
    BUSY("Too many requests; please try again in a minute.", "Te veel verzoeken; probeer het over een minuut opnieuw."),
    DOWN("The survey cannot be reached right now; please try again later.",
        "De vragenlijst is nu niet bereikbaar; probeer het later opnieuw.");

    private final String en;
    private final String nl;

    Text(String en, String nl) {
      this.en = en;
      this.nl = nl;
    }
  }

  private static String text(boolean nl, Text which) {
    return nl ? which.nl : which.en;
  }

  private static String sha256(String text) {
    try {
      return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
