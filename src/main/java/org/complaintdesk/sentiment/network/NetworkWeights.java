package org.complaintdesk.sentiment.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies weights from Java arrays into arrays of the engine (owned by {@code manager}). */
final class NetworkWeights {
  private NetworkWeights() {}

  static Map<String, NDArray> create(
      NDManager manager, Map<String, OnnxInitializers.Tensor> weights) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    weights.forEach((name, t) -> out.put(name, manager.create(t.values(), new Shape(t.shape()))));
    return out;
  }
}
