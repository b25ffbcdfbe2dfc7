package org.complaintdesk.sentiment;

/** Tells a shutdown interruption apart from a real failure, which must not be recorded. */
final class Interruptions {
  private Interruptions() {}

  static boolean isInterruption(Throwable t) {
    if (Thread.currentThread().isInterrupted()) {
      return true;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof InterruptedException || c instanceof java.io.InterruptedIOException) {
        return true;
      }
    }
    return false;
  }
}
