package nl.webcare.pipeline;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.webcare.analytics.spikes.ActiveSpikes;
import nl.webcare.analytics.spikes.BaselineCache;
import nl.webcare.analytics.spikes.Observation;
import nl.webcare.analytics.spikes.RedisSpikes;
import nl.webcare.analytics.spikes.Spike;
import nl.webcare.analytics.spikes.SpikeDetector;
import nl.webcare.config.WebcareConfig;
import nl.webcare.triage.PriorityFormula;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.CaseCommand;
import nl.webcare.worklist.Incident;
import nl.webcare.worklist.Worklist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every watched brand for a spike of negative mentions and couples what it finds to care: a spike raises
 * {@code spike.started} (and later {@code spike.ended}), opens one incident case in the incident team's queue,
 * links the cases of the spike's negative mentions to it (tag {@code incident:<case id>}, and a note on the
 * incident naming them), and while it lasts {@link ActiveSpikes} gives new cases about its aspects the crisis SLA
 * band. Every start, end and incident is one script, so several processes running this agree.
 */
public final class SpikeWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(SpikeWatcher.class);
  private static final int TOP_ASPECTS = 3;
  private static final int EXAMPLES = 5;

  private final RedisSpikes spikes;
  private final Worklist worklist;
  private final SpikeDetector detector;
  private final BaselineCache baselines = new BaselineCache();
  private final ActiveSpikes active;
  private final WebcareConfig.Spikes settings;
  private final PriorityFormula priority;

  public SpikeWatcher(RedisSpikes spikes, Worklist worklist, SpikeDetector detector, ActiveSpikes active,
      WebcareConfig.Spikes settings, PriorityFormula priority) {
    this.spikes = spikes;
    this.worklist = worklist;
    this.detector = detector;
    this.active = active;
    this.settings = settings;
    this.priority = priority;
  }

  /** One round over every watched brand; the spikes going on afterwards are what {@link ActiveSpikes} holds. */
  public Future<Void> check() {
    Instant now = Instant.now();
    List<Spike> goingOn = new ArrayList<>();
    return spikes.brandsToWatch(now).compose(brands -> {
      Future<Void> chain = Future.succeededFuture();
      for (String brand : brands) {
        chain = chain.compose(v -> spikes.observe(brand, now, detector, baselines))
            .compose(o -> handle(o, goingOn));
      }
      return chain;
    }).onSuccess(v -> active.replace(goingOn));
  }

  private Future<Void> handle(Observation o, List<Spike> goingOn) {
    Future<Void> chain = Future.succeededFuture();
    Map<String, String> incidents = new HashMap<>();
    o.active().values().stream().filter(s -> s.incidentCaseId() != null)
        .forEach(s -> incidents.putIfAbsent(o.brand(), s.incidentCaseId()));
    for (Map.Entry<String, SpikeDetector.Reading> e : o.readings().entrySet()) {
      String scope = e.getKey();
      SpikeDetector.Reading reading = e.getValue();
      Spike current = o.active().get(scope);
      SpikeDetector.Step step = detector.step(reading, current == null ? null : current.startedAt(),
          o.cooling().contains(scope));
      chain = chain.compose(v -> switch (step) {
        case START -> start(o, scope, reading, incidents).map(s -> {
          if (s != null) {
            goingOn.add(s);
          }
          return null;
        });
        case GOES_ON -> {
          goingOn.add(current);
          yield spikes.recordPeak(current, reading.count()).compose(x -> follow(o, current, incidents));
        }
        case END -> end(current, reading, o.at());
        case QUIET -> Future.<Void>succeededFuture();
      });
    }
    return chain;
  }

  private Future<Spike> start(Observation o, String scope, SpikeDetector.Reading r, Map<String, String> incidents) {
    List<Observation.NegativeMention> window = o.in(scope, r.windowStart());
    List<String> aspects = topAspects(window);
    List<String> examples = window.stream().limit(EXAMPLES).map(Observation.NegativeMention::mentionId).toList();
    Spike draft = new Spike(UUID.randomUUID().toString().replace("-", "").substring(0, 16), o.brand(), scope,
        o.at(), null, r.windowStart(), r.windowEnd(), r.count(), r.count(), r.baseline().median(), r.threshold(),
        r.baseline().source().name().toLowerCase(java.util.Locale.ROOT), aspects, examples, null);
    Map<String, String> alert = alert(draft);
    alert.put("count", Long.toString(r.count()));
    alert.put("baseline", round(r.baseline().median()));
    alert.put("threshold", Long.toString(r.threshold()));
    alert.put("baselineSource", draft.baselineSource());
    alert.put("examples", String.join(",", examples));
    return spikes.start(draft, alert).compose(started -> {
      if (started == null) {
        return Future.succeededFuture(null);
      }
      LOG.info("spike {} started: {} negative mentions of {} ({}) in 15 min, baseline {}", started.id(), r.count(),
          o.brand(), scope, round(r.baseline().median()));
      return follow(o, started, incidents).map(started);
    });
  }

  /** Opens (or adopts) the incident of a spike going on, and links the cases of its negative mentions. */
  private Future<Void> follow(Observation o, Spike spike, Map<String, String> incidents) {
    if (!settings.openIncident()) {
      return Future.succeededFuture();
    }
    Future<String> incident = spike.incidentCaseId() != null ? Future.succeededFuture(spike.incidentCaseId())
        : openIncident(spike, incidents.get(o.brand())).onSuccess(id -> incidents.putIfAbsent(o.brand(), id));
    return incident.compose(caseId -> {
      List<String> mentionIds = o.in(spike.scope(), spike.windowStart()).stream()
          .map(Observation.NegativeMention::mentionId).toList();
      // linked first (to learn which cases are new to the spike), tagged after: a tagging that fails unlinks them
      // again, so that the next round tries once more instead of taking them for done
      return spikes.link(spike.id(), mentionIds).compose(linked -> tag(caseId, linked)
          .recover(e -> spikes.unlink(spike.id(), linked).transform(v -> Future.<Void>failedFuture(e))));
    });
  }

  /** The brand's incident going on (another scope's), or a new one. */
  private Future<String> openIncident(Spike spike, String existing) {
    if (existing != null) {
      return spikes.adoptIncident(spike.id(), existing).map(existing);
    }
    String summary = spike.count() + " negative mentions of " + spike.brand()
        + (spike.channel() == null ? "" : " on " + spike.channel()) + " in 15 minutes, about "
        + Math.round(spike.baseline()) + " expected" + (spike.aspects().isEmpty() ? ""
        : "; mostly about " + String.join(", ", spike.aspects()));
    List<String> shown = spike.examples().isEmpty() ? List.of() : spike.examples();
    if (shown.isEmpty()) {
      return Future.succeededFuture(null);
    }
    return worklist.openIncident(new Incident(spike.id(), spike.brand(), spike.channel(), settings.incidentTeam(),
        summary, shown, priority.priority(1.0, spike.startedAt(), spike.startedAt()), spike.startedAt()));
  }

  private Future<Void> tag(String incidentId, List<String> caseIds) {
    if (incidentId == null || caseIds.isEmpty()) {
      return Future.succeededFuture();
    }
    Future<Void> chain = Future.succeededFuture();
    CaseCommand tag = new CaseCommand.Tags(Set.of("incident:" + incidentId), Set.of());
    for (String caseId : caseIds) {
      chain = chain.compose(v -> worklist.apply(caseId, Actor.SYSTEM, tag).mapEmpty());
    }
    String note = "Linked to this incident: " + String.join(", ", caseIds);
    return chain.compose(v -> worklist.apply(incidentId, Actor.SYSTEM, new CaseCommand.Note(note)).mapEmpty());
  }

  private Future<Void> end(Spike spike, SpikeDetector.Reading r, Instant now) {
    Map<String, String> alert = alert(spike);
    alert.put("count", Long.toString(r.count()));
    alert.put("baseline", round(r.baseline().median()));
    return spikes.end(spike, now, r.count(), settings.cooldown(), alert).map(ended -> {
      if (ended) {
        LOG.info("spike {} of {} ({}) ended", spike.id(), spike.brand(), spike.scope());
      }
      return null;
    });
  }

  /** What both alerts of a spike carry: brand, channel, window and aspects. */
  private static Map<String, String> alert(Spike s) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("brand", s.brand());
    if (s.channel() != null) {
      a.put("channel", s.channel());
    }
    a.put("scope", s.scope());
    a.put("windowStart", Long.toString(s.windowStart().toEpochMilli()));
    a.put("windowEnd", Long.toString(s.windowEnd().toEpochMilli()));
    a.put("aspects", String.join(",", s.aspects()));
    return a;
  }

  /** The aspects most named in the window (at least twice), most named first. */
  static List<String> topAspects(List<Observation.NegativeMention> window) {
    Map<String, Long> counts = window.stream().flatMap(m -> m.aspects().stream())
        .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
    return counts.entrySet().stream().filter(e -> e.getValue() >= 2)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_ASPECTS).map(Map.Entry::getKey).toList();
  }

  private static String round(double value) {
    return Double.toString(Math.round(value * 100) / 100.0);
  }
}
