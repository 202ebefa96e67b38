package nl.webcare.app;

import nl.webcare.delivery.DeliveryState;
import nl.webcare.delivery.RedisDeliveryState;
import nl.webcare.delivery.RedisSubscriptionStore;
import nl.webcare.delivery.SubscriptionStore;

import nl.webcare.access.RedisApiKeyStore;
import nl.webcare.inbox.RedisScoringQueue;
import nl.webcare.inbox.RedisMentionInbox;
import nl.webcare.connector.RedisConnectorStatusStore;
import nl.webcare.connector.push.RedisIngestRateLimiter;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import nl.webcare.access.ApiKeyStore;
import nl.webcare.access.AuthFailures;
import nl.webcare.access.RedisAuthFailures;
import nl.webcare.alerts.AlertFeed;
import nl.webcare.alerts.RedisAlertFeed;
import nl.webcare.casework.CaseReplies;
import nl.webcare.casework.CaseViews;
import nl.webcare.casework.CaseWork;
import nl.webcare.casework.ChannelCaseReplies;
import nl.webcare.casework.StoredCaseViews;
import nl.webcare.casework.WorklistCaseWork;
import nl.webcare.config.WebcareConfig;
import nl.webcare.connector.ConnectorCursorStore;
import nl.webcare.connector.ConnectorStatusStore;
import nl.webcare.connector.PollLease;
import nl.webcare.connector.ReadBudgetStore;
import nl.webcare.connector.ReplyChannels;
import nl.webcare.connector.push.IngestRateLimiter;
import nl.webcare.inbox.MentionInbox;
import nl.webcare.inbox.ScoringQueue;
import nl.webcare.mention.MentionStore;
import nl.webcare.mention.RedisMentionStore;
import nl.webcare.metrics.WebcareMetrics;
import nl.webcare.privacy.AuthorRecords;
import nl.webcare.privacy.RedisAuthorRecords;
import nl.webcare.retention.Housekeeping;
import nl.webcare.sla.RedisSlaReport;
import nl.webcare.sla.SlaReports;
import nl.webcare.store.LuaScript;
import nl.webcare.store.RedisGateway;
import nl.webcare.triage.Triage;
import nl.webcare.worklist.CaseRouter;
import nl.webcare.worklist.PriorityKeyMigration;
import nl.webcare.worklist.RedisReplyTemplates;
import nl.webcare.worklist.RedisSlaWatch;
import nl.webcare.worklist.RedisWorklist;
import nl.webcare.worklist.ReplyTemplates;
import nl.webcare.worklist.Worklist;

/**
 * Every store and service of one Webcare process, each built once here when Redis is connected; the
 * verticles get what they need from it. The one place that names the Redis implementations.
 */
final class Components {
  final RedisGateway redis;
  final Triage triage;
  final MentionStore mentions;
  final MentionInbox inbox;
  final ScoringQueue scoringQueue;
  final Worklist worklist;
  final AlertFeed alerts;
  final ReplyTemplates templates;
  final SlaReports slaReports;
  final RedisSlaWatch slaWatch;
  final AuthorRecords authors;
  final ApiKeyStore keys;
  final AuthFailures authFailures;
  final ConnectorStatusStore connectorStatuses;
  final ConnectorCursorStore cursors;
  final ReadBudgetStore readBudgets;
  final PollLease lease;
  final IngestRateLimiter ingestRates;
  final Housekeeping housekeeping;
  final CaseRouter router;
  final CaseViews caseViews;
  final CaseWork caseWork;
  final CaseReplies caseReplies;
  final PriorityKeyMigration priorityKeyMigration;
  final SubscriptionStore subscriptions;
  final DeliveryState deliveryState;
  final nl.webcare.analytics.spikes.RedisSpikes spikes;
  final nl.webcare.performance.Surveys surveys;
  final nl.webcare.learning.TeamLabels teamLabels;
  final nl.webcare.casework.LabelRecorder labelRecorder;
  final nl.webcare.learning.ModelStore models;
  /** The models learned from the team, as this process last read them. */
  final nl.webcare.learning.LiveModels liveModels;
  /** The spikes going on, as this process's watcher last read them; filing asks it. */
  final nl.webcare.analytics.spikes.ActiveSpikes activeSpikes = new nl.webcare.analytics.spikes.ActiveSpikes();

  Components(WebcareConfig config, RedisGateway redis, ReplyChannels replyChannels, WebcareMetrics metrics,
      String instanceId) {
    long alertCap = config.background().alertStreamMaxLength();
    this.redis = redis;
    this.triage = Triage.load();
    this.mentions = new RedisMentionStore(redis, config.retention().mentions(), new RedisMentionStore.CountKeeping(
        config.worklist().timezone(), config.retention().countHours(), config.retention().countDays()));
    this.inbox = new RedisMentionInbox(redis, config.retention().mentions());
    this.scoringQueue = new RedisScoringQueue(redis, config.scoring().deadLetterMax());
    this.worklist = new RedisWorklist(redis, alertCap, config.worklist().groupingWindow(), config.sla(),
        config.worklist().teams());
    this.alerts = new RedisAlertFeed(redis);
    this.templates = new RedisReplyTemplates(redis);
    this.slaReports = new RedisSlaReport(redis);
    this.slaWatch = new RedisSlaWatch(redis, alertCap);
    this.authors = new RedisAuthorRecords(redis, mentions, worklist);
    this.keys = new nl.webcare.access.RecentKeys(new RedisApiKeyStore(redis));
    this.authFailures = new nl.webcare.access.RecentStandings(new RedisAuthFailures(redis,
        config.auth().maxFailuresPerMinute()));
    this.connectorStatuses = new RedisConnectorStatusStore(redis);
    this.cursors = new ConnectorCursorStore(redis);
    this.readBudgets = new ReadBudgetStore(redis);
    this.lease = new PollLease(redis, instanceId, config.connectors().lease());
    this.ingestRates = new RedisIngestRateLimiter(redis);
    this.housekeeping = new Housekeeping(redis, config.retention().mentions(), config.retention().closedCases());
    this.router = new CaseRouter(config.worklist().routing(), config.worklist().defaultTeam());
    this.caseViews = new StoredCaseViews(worklist, mentions);
    this.teamLabels = new nl.webcare.learning.RedisTeamLabels(redis, config.retention().mentions());
    this.labelRecorder = new nl.webcare.casework.LabelRecorder(teamLabels, mentions, worklist);
    this.models = new nl.webcare.learning.RedisModelStore(redis);
    this.liveModels = new nl.webcare.learning.LiveModels(models);
    this.caseWork = new WorklistCaseWork(worklist, caseViews, metrics, keys, labelRecorder);
    this.surveys = new nl.webcare.performance.RedisSurveys(redis, config.service().survey().tokenLifetime(),
        config.service().survey().perCustomer());
    this.caseReplies = new ChannelCaseReplies(worklist, mentions, replyChannels, templates, caseViews,
        config.worklist().timezone(), metrics, surveys, config.service().survey(), config.delivery().publicUrl(),
        labelRecorder);
    this.priorityKeyMigration = new PriorityKeyMigration(redis, triage.formula());
    this.subscriptions = new RedisSubscriptionStore(redis, alertCap);
    this.deliveryState = new RedisDeliveryState(redis);
    this.spikes = new nl.webcare.analytics.spikes.RedisSpikes(redis, alertCap, config.retention().countDays());
  }

  /** Every Lua script Webcare runs: loaded at start, so a missing or broken one stops the start. */
  static List<LuaScript> scripts() {
    List<LuaScript> all = new ArrayList<>(RedisWorklist.SCRIPTS);
    all.add(PriorityKeyMigration.REKEY);
    all.add(RedisSlaWatch.BREACH);
    all.add(RedisMentionInbox.APPEND);
    all.add(PollLease.ACQUIRE);
    all.add(PollLease.RELEASE);
    all.add(RedisDeliveryState.ADVANCE);
    all.add(RedisMentionStore.COUNT);
    all.add(nl.webcare.delivery.StreamSlots.TAKE);
    all.addAll(nl.webcare.analytics.spikes.RedisSpikes.SCRIPTS);
    return List.copyOf(all);
  }

  Future<Void> loadScripts() {
    return redis.loadScripts(scripts());
  }
}
