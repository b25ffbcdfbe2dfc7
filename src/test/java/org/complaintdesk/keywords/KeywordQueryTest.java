package org.complaintdesk.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The local matcher every fetched post goes through, on multilingual text. */
class KeywordQueryTest {

  static boolean m(String query, String text) {
    return KeywordQuery.parse(query).matches(text);
  }

  @Test
  void termsAreWholeWordsInAnyCase() {
    assertThat(m("KiteBank", "kitebank lost my card!")).isTrue();
    assertThat(m("Kite", "Kitesurfing is fun")).isFalse();
    assertThat(m("Crumb&Co", "bad cake from crumb&co today")).isTrue();
  }

  @Test
  void phrasesOrExclusionsHashtagsMentions() {
    assertThat(m("\"lost luggage\"", "They LOST   luggage again")).isTrue();
    assertThat(m("\"lost luggage\"", "luggage lost")).isFalse();
    assertThat(m("NimbusAir OR Voltara", "voltara battery died")).isTrue();
    assertThat(m("NimbusAir -job", "NimbusAir job opening")).isFalse();
    assertThat(m("NimbusAir -job", "NimbusAir lost my bag")).isTrue();
    assertThat(m("#nimbusfail", "again #NimbusFail 😡")).isTrue();
    assertThat(m("#nimbus", "again #nimbusfail")).isFalse();
    assertThat(m("@NimbusHelp", "@nimbushelp where is my bag")).isTrue();
  }

  @Test
  void languageAndAuthorFilters() {
    var q = KeywordQuery.parse("NimbusAir lang:en -from:NimbusAir");
    assertThat(q.matches("NimbusAir delayed", "en", "ann")).isTrue();
    assertThat(q.matches("NimbusAir delayed", "en-GB", "ann")).isTrue();
    assertThat(q.matches("NimbusAir delayed", "de", "ann")).isFalse();
    // Our own account's posts are left out, also as a Mastodon acct with an instance.
    assertThat(q.matches("NimbusAir news", "en", "nimbusair")).isFalse();
    assertThat(q.matches("NimbusAir news", "en", "NimbusAir@mastodon.social")).isFalse();
    // A network that gives no language does not lose the post.
    assertThat(q.matches("NimbusAir delayed", null, "ann")).isTrue();
    assertThat(KeywordQuery.parse("NimbusAir -lang:de").matches("NimbusAir", null, "a")).isTrue();
  }

  @Test
  void arabicIgnoresDiacriticsTatweelAndYehKafForms() {
    // "خدمة سيئة" (bad service) with harakat and a tatweel in the post.
    assertThat(m("\"خدمة سيئة\"", "والله خِدمــة سيّئة جداً من NimbusAir")).isTrue();
    assertThat(m("كيت", "الخدمة في كيتبنك")).isFalse(); // whole words, also in Arabic script
  }

  @Test
  void persianMatchesArabicKeyboardVariantsAndKeepsZwnjWords() {
    // Persian "پشتیبانی" (support) typed with Arabic yeh (ي) still matches.
    assertThat(m("پشتیبانی", "پشتيباني NimbusAir خیلی بد است")).isTrue();
    // Keheh (ک) vs Arabic kaf (ك).
    assertThat(m("کارت", "كارت من را گم کردند")).isTrue();
    // ZWNJ joins one word: "خواهم" is not a separate word in "می‌خواهم".
    assertThat(m("خواهم", "می\u200Cخواهم")).isFalse();
  }

  @Test
  void russianAndGreekCaseFolding() {
    assertThat(m("Вольтара", "ВОЛЬТАРА опять сломалась")).isTrue();
    assertThat(m("Вольтара", "вольтаравский")).isFalse();
    // Greek final sigma: "ΛΟΓΑΡΙΑΣΜΟΣ" lower-cases to "...μος" with ς.
    assertThat(m("λογαριασμοσ", "Ο ΛΟΓΑΡΙΑΣΜΟΣ μου κλειδώθηκε")).isTrue();
    assertThat(m("λογαριασμός", "ο λογαριασμος μου")).isFalse(); // accents are meaningful
  }

  @Test
  void germanSharpSAndFullwidthForms() {
    assertThat(m("straße", "STRASSE gesperrt")).isTrue();
    assertThat(m("Voltara", "ＶＯＬＴＡＲＡ broke")).isTrue(); // NFKC folds fullwidth letters
  }
}
