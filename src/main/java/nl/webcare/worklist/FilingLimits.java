package nl.webcare.worklist;

/** How long the alert stream is kept, and how long a thread and an author point at their case. */
record FilingLimits(long alertStreamMaxLength, long conversationMemoryMs, long authorWindowMs) {}
