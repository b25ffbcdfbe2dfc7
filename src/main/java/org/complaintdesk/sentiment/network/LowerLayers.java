package org.complaintdesk.sentiment.network;

/**
 * The output of a published network's lower layers for a text, as the engine that runs the
 * published network computes it. The tone network's tuned top layers read it, in training and in
 * scoring alike, so they see exactly what they learned from.
 */
public interface LowerLayers {
  /** Whether the output after the first {@code layers} layers is available. */
  boolean offers(int layers);

  /**
   * [tokens][hidden] for the text after the first {@code layers} layers (the first tuned layer's
   * index). Thread-safe.
   */
  float[][] states(String text, int layers);
}
