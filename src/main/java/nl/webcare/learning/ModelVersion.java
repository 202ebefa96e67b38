package nl.webcare.learning;

import java.time.Instant;

/**
 * One trained model of a group ({@code brand|language|task}): when, on how many labels, and how it and the model it
 * was held against did on the labels held back from training ({@code score}: F1 of "needs a reply", or macro-F1 of
 * the sentiment labels). {@code current}: the one the service uses now.
 */
public record ModelVersion(String id, String group, Instant trainedAt, int examples, int heldBack, double score,
    Double scoreOfCurrent, boolean promoted, boolean current) {}
