package org.complaintdesk.ingest;

import java.text.Normalizer;

/** Unicode clean-up every stored post gets, whatever network it came from. */
public final class TextNormalizer {
  private TextNormalizer() {}

  /**
   * NFC-normalises and drops control characters other than line breaks and tabs. Right-to-left and
   * zero-width joiner marks (needed by Persian and emoji) are kept.
   */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(nfc.length());
    for (int i = 0; i < nfc.length(); i++) {
      char c = nfc.charAt(i);
      if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.toString().strip();
  }
}
