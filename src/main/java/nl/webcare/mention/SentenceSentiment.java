package nl.webcare.mention;

/**
 * CoreNLP's verdict on one sentence.
 *
 * @param index         position of the sentence in the (possibly truncated) text
 * @param sentimentClass 0 very negative .. 4 very positive, CoreNLP's predicted class
 * @param score         expected value of the class distribution mapped onto [-1, 1]
 */
public record SentenceSentiment(int index, int sentimentClass, double score) {}
