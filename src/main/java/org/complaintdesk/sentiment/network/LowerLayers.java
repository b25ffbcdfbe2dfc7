package org.complaintdesk.sentiment.network;

/**
 * The output of a published network's lower layers for a text, as the engine that runs the
 * published network computes it. The tone network's tuned top layers read it, in training and in
 * scoring alike, so they see exactly what they learned from.
 */
public interface LowerLayers {
  /** How many layers the states have been through (the first tuned layer's index). */
  int layers();

  /** [tokens][hidden] for the text. Thread-safe. */
  float[][] states(String text);
}
