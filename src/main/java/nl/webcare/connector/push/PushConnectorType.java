package nl.webcare.connector.push;

import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorType;

/**
 * {@code type: push}: a channel that sends its mentions to Webcare. Options: {@code secretEnv} (the
 * variable with the shared HMAC secret, required), {@code channel}, {@code language},
 * {@code maxBodyBytes}, {@code ratePerMinute}. It needs no {@code url} and gets no poller.
 */
public final class PushConnectorType implements ConnectorType {

  @Override
  public String type() {
    return "push";
  }

  @Override
  public void validate(ConnectorDefinition definition) {
    PushSource.validate(definition);
  }

  @Override
  public boolean polled() {
    return false;
  }

  @Override
  public Connector create(ConnectorDefinition definition, ConnectorContext context) {
    throw new IllegalStateException("push source " + definition.name() + " is not polled");
  }
}
