package org.complaintdesk.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.complaintdesk.testing.SharedScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinguaLanguageDetectorTest {
  /** The shared detector (Lingua's models are loaded once per test JVM). */
  private static final LanguageDetector DETECTOR = SharedScorer.components().languages();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en|@KiteBank my card has been blocked for three days and nobody answers the phone",
        "ar|@NimbusAir الرحلة متأخرة أربع ساعات ولا يوجد أي اعتذار",
        "fa|@VoltaraMobile اینترنت من از دیروز قطع است و پشتیبانی جواب نمی‌دهد",
        "ru|Заказ привезли через полтора часа, всё холодное. Спасибо, CrumbCo",
        "el|@VoltaraMobile μου χρεώσατε περιαγωγή ενώ ήμουν στην Ιταλία",
        "es|Llevo una hora esperando mi pedido de CrumbCo y nadie responde",
        // Product names in Latin letters: Lingua weighed them, German and Portuguese before.
        "fa|iPhone Pro هنوز نرسیده",
        "fa|5G Voltara کار نمیکنه",
        // Mostly Latin: the Arabic-script name does not make it Arabic.
        "en|Thanks @NimbusAir, the crew on flight 203 were great, especially محمد",
      })
  void detectsTheLanguageIgnoringLatinHandlesAndNames(String expected, String text) {
    assertThat(DETECTOR.detect(text)).contains(expected);
  }

  @Test
  void arabicHashtagsArePostsLanguageAndBareLinksAreNot() {
    // All the Arabic is in hashtags; with them dropped, "2012" and "http" were called Italian.
    assertThat(DETECTOR.detect("#افضل_مباراة_تنس_شاهدتها 2012 http")).contains("ar");
    assertThat(DETECTOR.detect("بيونسيه 😌👏🏾 http")).contains("ar");
    assertThat(DETECTOR.detect("#KiteBank http http…")).isEmpty();
  }

  @Test
  void arabicPresentationFormsAreReadAsArabicLetters() {
    // "The Russian defence ministry announces..." typed in presentation forms (U+FE70-FEFF).
    assertThat(DETECTOR.detect("ﻭﺯﺍﺭﺓ ﺍﻟﺪﻓﺎﻉ ﺍﻟﺮﻭﺳﻴﺔ ﺗﻌﻠﻦ ﺍﻟﻴﻮﻡ ﻧﻘﻞ ﻣﻨﻈﻮﻣﺔ ﺍﻟﺪﻓﺎﻉ ﺍﻟﺠﻮﻱ"))
        .contains("ar");
  }

  @Test
  void arabicScriptWithoutUrdusOwnLettersIsNotUrdu() {
    // Colloquial Persian ("give my money back"), called Urdu, which has no model, before.
    assertThat(DETECTOR.detect("پولمو پس بدید")).contains("fa");
    assertThat(DETECTOR.candidates("پولمو پس بدید"))
        .doesNotContainKey("ur")
        .containsEntry("fa", 1.0);
    // "My order still has not arrived", with Urdu's ڈ, ھ, ں, ہ: still Urdu, reported unsupported.
    assertThat(DETECTOR.detect("میرا آرڈر ابھی تک نہیں پہنچا")).contains("ur");
  }

  @Test
  void saysNothingWhenThereAreNoWords() {
    assertThat(DETECTOR.detect("@KiteBank #fail https://example.com/x 😡")).isEmpty();
    assertThat(DETECTOR.detect("")).isEmpty();
  }
}
