package nl.webcare.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionCount;
import nl.webcare.mention.MentionDetails;
import nl.webcare.mention.RedisMentionStore;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.TriageClass;
import nl.webcare.support.Await;
import nl.webcare.support.Mentions;
import nl.webcare.support.RedisFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counts written with each stored mention: once however often it is stored, in the right local day. */
class MarketingCountsTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private RedisFixture fixture;
  private RedisMentionStore store;
  private MarketingCounts counts;

  @BeforeEach
  void setUp() {
    fixture = new RedisFixture();
    store = new RedisMentionStore(fixture.redis, Duration.ofDays(1), new RedisMentionStore.CountKeeping(AMSTERDAM,
        Duration.ofDays(35), Duration.ofDays(400)));
    counts = new RedisMarketingCounts(fixture.redis, AMSTERDAM);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private static ScoredMention at(String id, String channel, String published, SentimentLabel label, double score,
      Long followers) {
    Mention m = new Mention(Mention.idFor("src", id), "src", channel, "acme", id, "a-" + id, null, "text " + id,
        null, Instant.parse(published), "nl", null, null, new MentionDetails("a-" + id, followers, null, null, null,
        null, null));
    return Mentions.scored(m, label, score);
  }

  private void save(ScoredMention s, TriageClass triage) {
    Await.result(store.save(s, MentionCount.of(s, triage)));
  }

  @Test
  void aMentionStoredAgainAfterARedeliveryCountsOnce() {
    ScoredMention complaint = at("m1", "x", "2026-11-20T10:15:00Z", SentimentLabel.NEGATIVE, -0.8, 1200L);
    save(complaint, TriageClass.COMPLAINT);
    save(complaint, TriageClass.COMPLAINT); // redelivered after a crash: stored again
    save(at("m2", "x", "2026-11-20T11:00:00Z", SentimentLabel.POSITIVE, 0.6, null), TriageClass.PRAISE);
    save(at("m3", "trustpilot", "2026-11-20T12:00:00Z", SentimentLabel.NEUTRAL, 0.0, null), TriageClass.OTHER);
    List<SentimentBucket> days = Await.result(counts.series(new MarketingCounts.Query("acme", null, null,
        Instant.parse("2026-11-19T23:00:00Z"), Instant.parse("2026-11-21T23:00:00Z"), MarketingCounts.Interval.DAY)));
    assertThat(days).hasSize(2);
    SentimentBucket day = days.get(0);
    assertThat(day.start().toLocalDate()).hasToString("2026-11-20");
    assertThat(List.of(day.positive(), day.neutral(), day.negative())).containsExactly(1L, 1L, 1L);
    assertThat(day.meanScore()).isCloseTo(-0.0667, org.assertj.core.data.Offset.offset(0.001));
    assertThat(day.net()).isEqualTo(0.0);
    assertThat(day.reach()).isEqualTo(1200);
    assertThat(day.triage()).containsEntry("complaint", 1L).containsEntry("praise", 1L);
    // the day after: an empty bucket, zeros
    assertThat(days.get(1).total()).isZero();
    // per channel, and per hour
    List<SentimentBucket> onX = Await.result(counts.series(new MarketingCounts.Query("acme", "x", "nl",
        Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T12:00:00Z"), MarketingCounts.Interval.HOUR)));
    assertThat(onX).extracting(SentimentBucket::total).containsExactly(1L, 1L);
    assertThat(onX.get(0).negative()).isEqualTo(1);
  }

  @Test
  void aRedisThatForgotTheCountScriptStillCountsOnce() {
    // GIVEN a Redis restarted since the scripts were loaded (its script cache is empty)
    try (var client = nl.webcare.support.TestRedis.client()) {
      client.scriptFlush();
    }
    ScoredMention m = at("flushed", "x", "2026-11-22T10:00:00Z", SentimentLabel.NEGATIVE, -0.5, null);
    save(m, TriageClass.COMPLAINT);
    save(m, TriageClass.COMPLAINT);
    List<SentimentBucket> day = Await.result(counts.series(new MarketingCounts.Query("acme", null, null,
        Instant.parse("2026-11-21T23:00:00Z"), Instant.parse("2026-11-22T23:00:00Z"), MarketingCounts.Interval.DAY)));
    assertThat(day.get(0).negative()).isEqualTo(1);
    assertThat(Await.result(store.find(m.mention().id()))).isNotNull();
  }

  @Test
  void theDayTheClocksGoBackHas25HoursAndOneBucket() {
    // 2026-10-25 in Amsterdam runs from 22:00 UTC the day before to 23:00 UTC (the clocks go back at 03:00)
    save(at("early", "x", "2026-10-24T22:30:00Z", SentimentLabel.NEGATIVE, -0.5, null), TriageClass.COMPLAINT);
    save(at("late", "x", "2026-10-25T22:30:00Z", SentimentLabel.NEGATIVE, -0.5, null), TriageClass.COMPLAINT);
    save(at("next", "x", "2026-10-25T23:30:00Z", SentimentLabel.NEGATIVE, -0.5, null), TriageClass.COMPLAINT);
    List<SentimentBucket> days = Await.result(counts.series(new MarketingCounts.Query("acme", null, null,
        Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-26T23:00:00Z"), MarketingCounts.Interval.DAY)));
    assertThat(days).hasSize(2);
    assertThat(Duration.between(days.get(0).start(), days.get(0).end())).isEqualTo(Duration.ofHours(25));
    assertThat(days.get(0).negative()).isEqualTo(2);
    assertThat(days.get(1).start().toLocalDate()).hasToString("2026-10-26");
    assertThat(days.get(1).negative()).isEqualTo(1);
  }

  private void saveSaying(String id, String published, SentimentLabel label, List<String> phrases) {
    ScoredMention s = at(id, "x", published, label, label == SentimentLabel.NEGATIVE ? -0.6 : 0.4, null);
    Await.result(store.save(s, MentionCount.of(s, TriageClass.COMPLAINT, List.of(), phrases)));
  }

  @Test
  void phrasesAreCountedOncePerMentionAndComparedWithTheWeekBefore() {
    // GIVEN last week: "delivery driver" twice; this week: "delivery driver" three times (one stored twice),
    // "smart meter" once (new), and a positive "new app"
    saveSaying("w1a", "2026-11-10T10:00:00Z", SentimentLabel.NEGATIVE, List.of("delivery driver"));
    saveSaying("w1b", "2026-11-11T10:00:00Z", SentimentLabel.NEGATIVE, List.of("delivery driver"));
    for (String id : List.of("w2a", "w2b", "w2c")) {
      saveSaying(id, "2026-11-17T10:00:00Z", SentimentLabel.NEGATIVE, List.of("delivery driver", "parcel"));
    }
    saveSaying("w2a", "2026-11-17T10:00:00Z", SentimentLabel.NEGATIVE, List.of("delivery driver", "parcel"));
    saveSaying("w2d", "2026-11-18T10:00:00Z", SentimentLabel.NEGATIVE, List.of("smart meter"));
    saveSaying("w2e", "2026-11-18T11:00:00Z", SentimentLabel.POSITIVE, List.of("new app"));
    Instant from = Instant.parse("2026-11-15T23:00:00Z"); // Monday 16 November, Amsterdam
    Instant to = Instant.parse("2026-11-22T23:00:00Z");
    // WHEN the negative phrases of this week are read
    List<MarketingCounts.Phrase> negative = Await.result(counts.phrases("acme", "negative", from, to, 10));
    // THEN most said first, each mention once, against the week before
    assertThat(negative).extracting(MarketingCounts.Phrase::phrase).containsExactly("delivery driver", "parcel",
        "smart meter");
    assertThat(negative.get(0).count()).isEqualTo(3);
    assertThat(negative.get(0).previous()).isEqualTo(2);
    assertThat(negative.get(0).change()).isEqualTo(0.5);
    assertThat(negative.get(2).isNew()).isTrue();
    // AND every label together holds the praise too
    assertThat(Await.result(counts.phrases("acme", null, from, to, 10))).extracting(MarketingCounts.Phrase::phrase)
        .contains("new app");
  }

  @Test
  void aDaysRankingOfPhrasesStaysBoundedAndKeepsWhatIsSaidMost() {
    // GIVEN one day with "outage" in 30 mentions and 700 phrases said once each (more than the 500 kept)
    for (int i = 0; i < 30; i++) {
      saveSaying("often-" + i, "2026-11-19T09:00:00Z", SentimentLabel.NEGATIVE, List.of("outage"));
    }
    for (int i = 0; i < 700; i++) {
      saveSaying("once-" + i, "2026-11-19T10:00:00Z", SentimentLabel.NEGATIVE, List.of("rare thing " + i));
    }
    // THEN the ranking holds at most 500 phrases, and the frequent one on top with its count (never less)
    try (var client = nl.webcare.support.TestRedis.client()) {
      assertThat(client.zcard(fixture.redis.keys().phrasesOfDay("acme", "2026-11-19", "negative"))).isEqualTo(500);
    }
    List<MarketingCounts.Phrase> top = Await.result(counts.phrases("acme", "negative",
        Instant.parse("2026-11-18T23:00:00Z"), Instant.parse("2026-11-19T23:00:00Z"), 3));
    assertThat(top.get(0).phrase()).isEqualTo("outage");
    assertThat(top.get(0).count()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void countsEqualARecountOfTheStoredMentionsAfterRedeliveries() {
    // GIVEN 300 mentions over three days, channels and labels, a third of them stored again (redelivered)
    java.util.Random random = new java.util.Random(42);
    List<String> ids = new java.util.ArrayList<>();
    SentimentLabel[] labels = {SentimentLabel.POSITIVE, SentimentLabel.NEUTRAL, SentimentLabel.NEGATIVE};
    for (int i = 0; i < 300; i++) {
      String published = Instant.parse("2026-11-24T00:00:00Z").plusSeconds(random.nextInt(3 * 86_400)).toString();
      SentimentLabel label = labels[random.nextInt(3)];
      ScoredMention m = at("re-" + i, random.nextBoolean() ? "x" : "form", published, label,
          label == SentimentLabel.NEGATIVE ? -0.5 : label == SentimentLabel.POSITIVE ? 0.5 : 0, null);
      save(m, TriageClass.OTHER);
      if (random.nextInt(3) == 0) {
        save(m, TriageClass.OTHER);
      }
      ids.add(m.mention().id());
    }
    // WHEN the stored mentions are recounted per local day and label, and the counts read
    java.util.Map<String, Long> recount = new java.util.TreeMap<>();
    for (ScoredMention m : Await.result(store.findAll(ids)).values()) {
      recount.merge(m.mention().publishedAt().atZone(AMSTERDAM).toLocalDate() + "|" + m.sentiment().label().wire(),
          1L, Long::sum);
    }
    java.util.Map<String, Long> counted = new java.util.TreeMap<>();
    for (SentimentBucket day : Await.result(counts.series(new MarketingCounts.Query("acme", null, null,
        Instant.parse("2026-11-22T23:00:00Z"), Instant.parse("2026-11-27T23:00:00Z"), MarketingCounts.Interval.DAY)))) {
      String d = day.start().toLocalDate().toString();
      java.util.Map.of("positive", day.positive(), "neutral", day.neutral(), "negative", day.negative())
          .forEach((label, n) -> {
            if (n > 0) {
              counted.put(d + "|" + label, n);
            }
          });
    }
    // THEN they are equal, each mention once
    assertThat(counted).isEqualTo(recount);
    assertThat(counted.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(300);
  }
}
