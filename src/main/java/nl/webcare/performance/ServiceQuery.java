package nl.webcare.performance;

import java.time.Instant;

/**
 * Which closed cases a service report covers: those closed from {@code from} to {@code to}, and of one team,
 * channel, agent (who closed it) or brand when given (null: any).
 */
public record ServiceQuery(Instant from, Instant to, String team, String channel, String agent, String brand) {}
