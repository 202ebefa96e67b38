package nl.webcare.connector.x;

import java.util.function.Supplier;

/**
 * Builds the real client on first use, on a worker thread. A secret that is not set then stops this
 * connector ({@code ConnectorContext.secret} fails with CredentialsRejectedException) with a status that
 * names the variable, instead of stopping the whole service at start.
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
      api = factory.get();
    }
    return api;
  }
}
