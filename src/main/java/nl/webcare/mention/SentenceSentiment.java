package nl.webcare.mention;

/**
 * CoreNLP's verdict on one sentence (or one piece of a long sentence).
 *
 * @param index          position in the (possibly truncated) text
 * @param sentimentClass 0 very negative .. 4 very positive, CoreNLP's predicted class
 * @param score          expected value of the class distribution mapped onto [-1, 1]
 * @param probabilities  the class distribution collapsed to negative / neutral / positive
 */
public record SentenceSentiment(int index, int sentimentClass, double score, Probabilities probabilities) {}
