package nl.webcare.connector.x;

import java.util.function.Supplier;
import nl.webcare.connector.ConnectorException;
import nl.webcare.connector.CredentialsRejectedException;

/**
 * Builds the real client on first use, on a worker thread. A secret that is not set then stops this
 * connector with a status that names the variable, instead of stopping the whole service at start.
 */
final class LazyXApi implements XApi {
  private final Supplier<XApi> factory;
  private XApi api;

  LazyXApi(Supplier<XApi> factory) {
    this.factory = factory;
  }

  @Override
  public XPage read(Query query, int maxResults) throws XApiException {
    return api().read(query, maxResults);
  }

  @Override
  public String reply(String inReplyToId, String text) throws XApiException {
    return api().reply(inReplyToId, text);
  }

  private synchronized XApi api() {
    if (api == null) {
      try {
        api = factory.get();
      } catch (ConnectorException e) {
        throw new CredentialsRejectedException(e.getMessage());
      }
    }
    return api;
  }
}
