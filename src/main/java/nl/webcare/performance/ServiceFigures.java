package nl.webcare.performance;

import io.vertx.core.Future;

/** The service report of a period. The future fails when the store cannot be reached. */
public interface ServiceFigures {
  Future<ServiceReport> report(ServiceQuery query);
}
