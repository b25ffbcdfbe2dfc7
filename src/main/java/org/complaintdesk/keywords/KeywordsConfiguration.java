package org.complaintdesk.keywords;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

public class KeywordsConfiguration {
  /** Keywords created on a fresh installation (when no keyword exists yet). */
  @JsonProperty @NotNull public List<String> seed = new ArrayList<>();
}
