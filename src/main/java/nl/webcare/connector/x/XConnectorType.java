package nl.webcare.connector.x;

import io.vertx.core.WorkerExecutor;
import java.util.concurrent.TimeUnit;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorType;

/**
 * {@code type: x}: a brand's X account mentions ({@code mode: mentions}, {@code userId}) or a recent
 * search ({@code mode: search}, {@code query}, optional {@code ownHandle} to leave out the brand's own
 * posts). {@code url} is the API base ({@code https://api.x.com/2/}). Secrets are named, never written:
 * {@code bearerTokenEnv} for reading, and for replies {@code consumerKeyEnv}, {@code consumerSecretEnv},
 * {@code accessTokenEnv}, {@code accessTokenSecretEnv}. {@code dailyReadBudget} caps the posts read per
 * UTC day (X bills per post read); {@code maxPagesPerPoll} caps one poll.
 */
public final class XConnectorType implements ConnectorType {
  /** Twitter4J blocks on its HTTP calls: they get their own pool so that a slow X never holds up feed parsing. */
  static final String POOL = "webcare-x-api";

  @Override
  public String type() {
    return "x";
  }

  @Override
  public void validate(ConnectorDefinition definition) {
    XSettings.of(definition);
  }

  @Override
  public Connector create(ConnectorDefinition definition, ConnectorContext context) {
    XSettings settings = XSettings.of(definition);
    XApi api = new LazyXApi(() -> new Twitter4jXApi(definition.url(), context.secret(definition, "bearerTokenEnv"),
        settings.canReply() ? new Twitter4jXApi.ReplyCredentials(context.secret(definition, "consumerKeyEnv"),
            context.secret(definition, "consumerSecretEnv"), context.secret(definition, "accessTokenEnv"),
            context.secret(definition, "accessTokenSecretEnv")) : null,
        context.limits().requestTimeoutMs()));
    WorkerExecutor workers = context.vertx().createSharedWorkerExecutor(POOL, 2, 2, TimeUnit.MINUTES);
    return new XConnector(definition, api, workers, context.budgets(), settings);
  }
}
