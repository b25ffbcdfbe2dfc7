package org.complaintdesk.alerts;

/** Somewhere an alert is delivered (webhook, e-mail). The dashboard is the alerts table itself. */
public interface AlertChannel {
  String name();

  /** Delivers or throws; the detector records the outcome and never retries in a loop. */
  void deliver(Alert alert) throws Exception;
}
