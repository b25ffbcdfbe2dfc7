package org.complaintdesk.cases;

import java.util.Locale;

/** Where a case is in its life. */
public enum CaseStatus {
  NEW,
  ASSIGNED,
  /** We asked the customer something: SLA clocks pause until they write again. */
  WAITING_ON_CUSTOMER,
  REPLIED,
  RESOLVED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CaseStatus fromKey(String key) {
    return CaseStatus.valueOf(key.toUpperCase(Locale.ROOT));
  }
}
