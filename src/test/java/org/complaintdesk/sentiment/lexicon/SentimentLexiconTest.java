package org.complaintdesk.sentiment.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentimentLexiconTest {
  @Test
  void matchesWordsPhrasesAndFlipsNegatedWords() {
    var lexicon =
        new SentimentLexicon("en", Map.of("good", 3.0, "rip off", -3.0, "bad", -3.0), false);
    var hits = lexicon.match(List.of("not", "good", "a", "rip", "off", ".", "bad"));
    assertThat(hits)
        .extracting(SentimentLexicon.Hit::text, SentimentLexicon.Hit::score)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("good", -3.0),
            org.assertj.core.groups.Tuple.tuple("rip off", -3.0),
            org.assertj.core.groups.Tuple.tuple("bad", -3.0));
  }

  @Test
  void stemmedListsMatchInflectedRussianWords() {
    var lexicon = new SentimentLexicon("ru", Map.of("плох", -5.0), true);
    assertThat(lexicon.match(List.of("очень", "плохой", "сервис")))
        .extracting(SentimentLexicon.Hit::score)
        .containsExactly(-5.0);
    assertThat(lexicon.match(List.of("не", "плохо")))
        .extracting(SentimentLexicon.Hit::negated)
        .containsExactly(true);
  }

  @Test
  void persianTypedWithArabicLettersMatchesThePersianList() {
    // "عالی" (great) in Persian's yeh; posts from Arabic keyboards write Arabic yeh, kaf and
    // tatweel.
    var lexicon = new SentimentLexicon("fa", Map.of("عالی", 3.0, "کثیف", -3.0), false);
    assertThat(lexicon.match(List.of("خيلي", "عالي", "بود")))
        .extracting(SentimentLexicon.Hit::score)
        .containsExactly(3.0);
    assertThat(lexicon.match(List.of("كثيف", "عـالی"))).hasSize(2);
    assertThat(SentimentLexicon.normalize("ar", "علي"))
        .as("Arabic keeps its letters")
        .isEqualTo("علي");
  }

  @Test
  void greekIsMatchedWithoutAccents() {
    var lexicon = new SentimentLexicon("el", Map.of("απαισιος", -3.0), false);
    assertThat(lexicon.match(List.of("απαίσιος"))).hasSize(1);
  }

  @Test
  void theTranslatedAfinnListKeepsTheLanguagesOwnWords() {
    Map<String, Double> russian = LexiconFiles.translatedAfinn("ru");
    assertThat(russian).containsEntry("банкротство", -3.0).containsEntry("авария", -2.0);
    // Left in English by the translation; a Russian post's English words are not Russian sentiment.
    assertThat(russian).doesNotContainKey("apeshit");
    // "خوشمزه  لذیذ" (tasty, delicious) is two synonyms, not a phrase.
    assertThat(LexiconFiles.translatedAfinn("fa"))
        .containsEntry("خوشمزه", 3.0)
        .containsEntry("لذیذ", 3.0);
    assertThat(LexiconFiles.translatedAfinn("xx")).isEmpty();
  }

  @Test
  void lexiconOnlyLanguagesAlsoReadTheTranslatedAfinnList() {
    // Bankruptcy: not among nlp.js's Russian stems, only in the translated list.
    assertThat(SentimentLexicon.bundled("ru").match(List.of("банкротство", "банка")))
        .extracting(SentimentLexicon.Hit::score)
        .containsExactly(-3.0);
    // An n-gram language's layer learned from nlp.js's list alone, so bundled keeps it alone;
    // the lexicon layer, calibrated on that language's posts, reads both.
    List<String> abandoned = List.of("bagaglio", "abbandonato");
    assertThat(SentimentLexicon.bundled("it").match(abandoned)).isEmpty();
    assertThat(SentimentLexicon.forLexiconLayer("it").match(abandoned))
        .extracting(SentimentLexicon.Hit::score)
        .containsExactly(-2.0);
  }

  @Test
  void newerEmojiTakeTheScoreOfTheOlderOneWithTheSameExpression() {
    EmojiLexicon emoji = EmojiLexicon.bundled();
    assertThat(emoji.polarity("🤬")).isNegative().isEqualTo(emoji.polarity("😠"));
    assertThat(emoji.polarity("🙄")).isNegative().isEqualTo(emoji.polarity("😒"));
    // A gendered facepalm arrives as the emoji and its joiner; the sign follows it.
    assertThat(emoji.polarity("🤦\u200D")).isNegative();
    assertThat(emoji.polarity("🥰")).isPositive().isEqualTo(emoji.polarity("😍"));
    assertThat(emoji.polarity("🤡")).isZero();
  }

  @Test
  void bundledLexiconsComeFromTheNlpJsPackages() {
    for (String lang : List.of("ru", "fa", "el", "ar", "en")) {
      assertThat(SentimentLexicon.bundled(lang).isEmpty()).as(lang).isFalse();
    }
    assertThat(EmojiLexicon.bundled().polarity("😡")).isNegative();
    assertThat(EmojiLexicon.bundled().polarity("😍")).isPositive();
  }

  @Test
  void everyLanguageWithAnNgramModelHasItsNlpJsLexiconOnTheAfinnScale() {
    // German ML-SentiCon holds stems: "schlechter" is found as "schlecht".
    assertThat(SentimentLexicon.bundled("de").match(List.of("schlechter")))
        .singleElement()
        .satisfies(h -> assertThat(h.score()).isNegative());
    // Spanish: AFINN and SentiCon, accents ignored ("pésimo" / "pesim").
    assertThat(SentimentLexicon.bundled("es").match(List.of("pésimo")))
        .singleElement()
        .satisfies(h -> assertThat(h.score()).isBetween(-5.0, -0.5));
    // French and Italian Pattern lists (-1..1) are rescaled to AFINN's -5..5.
    assertThat(SentimentLexicon.bundled("fr").match(List.of("horrible")))
        .singleElement()
        .satisfies(h -> assertThat(h.score()).isLessThan(-1.0));
    assertThat(SentimentLexicon.bundled("it").match(List.of("pessimo")))
        .singleElement()
        .satisfies(h -> assertThat(h.score()).isLessThan(-1.0));
    // Portuguese AFINN stems without accents: "horrível" is found as "horrivel".
    assertThat(SentimentLexicon.bundled("pt").match(List.of("horrível")))
        .singleElement()
        .satisfies(h -> assertThat(h.score()).isEqualTo(-3.0));
    assertThat(SentimentLexicon.bundled("hi").isEmpty()).isFalse();
  }

  @Test
  void complaintCuePhrasesWinOverNegation() {
    var russian = SentimentLexicon.bundled("ru");
    assertThat(
            russian.match(List.of("приложение", "не", "работает", "и", "никто", "не", "отвечает")))
        .extracting(SentimentLexicon.Hit::text, SentimentLexicon.Hit::negated)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("не работает", false),
            org.assertj.core.groups.Tuple.tuple("никто не отвечает", false));
    assertThat(russian.match(List.of("приложение", "не", "работает")).get(0).score()).isNegative();
  }

  @Test
  void aCueKeepsItsOwnSignAfterAnEarlierNegationFoundNoWord() {
    // "не вернули" has no lexicon word, so that "не" is still open when the cue comes.
    var hits =
        SentimentLexicon.bundled("ru")
            .match(List.of("деньги", "не", "вернули", "никто", "не", "отвечает"));
    assertThat(hits)
        .filteredOn(h -> h.text().equals("никто не отвечает"))
        .singleElement()
        .satisfies(h -> assertThat(h.score()).isNegative());
  }

  @Test
  void aStemIsNeverMatchedShorterThanTheWordsSnowballStem() {
    var lexicon = new SentimentLexicon("ru", Map.of("гор", -5.0, "обожа", 5.0, "люб", 5.0), true);
    assertThat(lexicon.match(List.of("горе"))).as("grief").hasSize(1);
    assertThat(lexicon.match(List.of("в", "городе"))).as("in the city: stem город").isEmpty();
    assertThat(lexicon.match(List.of("обожаю", "кофе")))
        .extracting(SentimentLexicon.Hit::score)
        .containsExactly(5.0);
    assertThat(lexicon.match(List.of("люблю"))).as("I love: Snowball stem любл").hasSize(1);
  }

  @Test
  void russianStopwordsThatTheListScoresAreNotSentimentWords() {
    assertThat(
            SentimentLexicon.bundled("ru").match(List.of("как", "скачать", "серии")).stream()
                .map(SentimentLexicon.Hit::text))
        .doesNotContain("как");
  }

  @Test
  void lexiconOnlyLanguagesSkipTheirStopWordsUnlessTranslatedAfinnScoresThem() {
    var russian = SentimentLexicon.bundled("ru");
    // "у меня есть вопрос, в том числе по карте": "есть" (−5) and "том" (−2.5) are not sentiment.
    assertThat(russian.match(List.of("у", "меня", "есть", "вопрос", "в", "том", "числе")))
        .isEmpty();
    assertThat(russian.match(List.of("хорошо", "и", "лучше")))
        .as("stop words that are sentiment words stay")
        .extracting(SentimentLexicon.Hit::text)
        .containsExactly("хорошо", "лучше");
    var withStillAsACue = new SentimentLexicon("fa", Map.of("هنوز", -2.0), false, Set.of("هنوز"));
    assertThat(withStillAsACue.match(List.of("هنوز")))
        .as("still: a stop word, but here a complaint cue")
        .hasSize(1);
    assertThat(SentimentLexicon.bundled("fa").match(List.of("هنوز", "منتظر")))
        .as("our cue is the phrase 'still waiting', not 'still'")
        .extracting(SentimentLexicon.Hit::score)
        .containsExactly(SentimentLexicon.COMPLAINT_CUE);
  }

  @Test
  void russianAdjectiveStemsDoNotMatchTheBrandNounsThatShareThem() {
    var russian = SentimentLexicon.bundled("ru");
    assertThat(
            russian.match(
                List.of("мне", "нужно", "место", "цена", "новая", "серия", "первый", "тур")))
        .isEmpty();
    assertThat(russian.match(List.of("сердитый")))
        .as("a longer entry of the same prefix stays")
        .hasSize(1);
  }

  @Test
  void aShortStemOfTheListDoesNotMakeACareNounASentimentWord() {
    // nlp.js's Spanish and French lists hold stems as short as "mal" (bad) and "sup" (super),
    // which matched "maleta" (suitcase, −3) and "support" (+3.5). Bounding every match by the
    // word's Snowball stem, as for Russian, lost real words too (Spanish "gracias", stem "grac" in
    // the list), so the nouns are listed instead.
    var spanish = SentimentLexicon.bundled("es");
    assertThat(spanish.match(List.of("perdieron", "mi", "maleta")))
        .as("suitcase is not 'mal' (bad)")
        .isEmpty();
    assertThat(spanish.match(List.of("muy", "mal")))
        .extracting(SentimentLexicon.Hit::score)
        .allMatch(v -> v < 0);
    var french = SentimentLexicon.bundled("fr");
    assertThat(french.match(List.of("le", "support", "client"))).as("not 'sup' (super)").isEmpty();
    assertThat(french.match(List.of("super")))
        .extracting(SentimentLexicon.Hit::score)
        .allMatch(v -> v > 0);
  }

  @Test
  void theCareAndCommerceNounsOfTheNgramLanguagesAreNotSentimentWords() {
    assertThat(SentimentLexicon.bundled("es").match(List.of("mi", "pedido", "y", "la", "entrega")))
        .isEmpty();
    assertThat(SentimentLexicon.bundled("es").match(List.of("otra", "vez", "esperando")))
        .as("again, waiting")
        .isEmpty();
    assertThat(SentimentLexicon.bundled("pt").match(List.of("a", "mala", "de", "novo")))
        .as("the suitcase, again")
        .isEmpty();
    assertThat(SentimentLexicon.bundled("pt").match(List.of("mal", "atendimento")))
        .as("'mal' (badly) still is one")
        .isNotEmpty();
    assertThat(SentimentLexicon.bundled("fr").match(List.of("en", "attente", "de", "qualité")))
        .isEmpty();
    assertThat(SentimentLexicon.bundled("it").match(List.of("di", "nuovo", "il", "pacco")))
        .isEmpty();
    assertThat(SentimentLexicon.bundled("ar").match(List.of("الدعم", "دعم", "رسوم"))).isEmpty();
    assertThat(SentimentLexicon.bundled("hi").match(List.of("मदद", "सामान"))).isEmpty();
    assertThat(SentimentLexicon.bundled("es").match(List.of("gracias"))).isNotEmpty();
  }

  @Test
  void theNounsOfCustomerCareAreNotPraiseButThanksIs() {
    assertThat(SentimentLexicon.bundled("fa").match(List.of("پشتیبانی", "هم", "کمک", "نکرد")))
        .as("support, help")
        .isEmpty();
    assertThat(SentimentLexicon.bundled("fa").match(List.of("یه", "سوال", "درباره", "پرداخت")))
        .as("a question about a payment")
        .isEmpty();
    assertThat(SentimentLexicon.bundled("el").match(List.of("η", "υποστήριξη", "τιμή"))).isEmpty();
    assertThat(SentimentLexicon.bundled("ru").match(List.of("поддержка", "помощь", "помогите")))
        .isEmpty();
    assertThat(SentimentLexicon.bundled("fa").match(List.of("مرسی", "ممنونم")))
        .extracting(SentimentLexicon.Hit::score)
        .containsExactly(2.0, 2.0);
    assertThat(SentimentLexicon.bundled("el").match(List.of("ευχαριστούμε"))).hasSize(1);
    assertThat(SentimentLexicon.bundled("ar").match(List.of("تم", "الاستلام", "شكرا", "لكم")))
        .extracting(SentimentLexicon.Hit::score)
        .containsExactly(2.0);
    assertThat(SentimentLexicon.bundled("ar").match(List.of("يعطيكم", "العافية"))).hasSize(1);
  }

  @Test
  void aNegatorDoesNotReachPastAClauseMark() {
    var lexicon = new SentimentLexicon("ru", Map.of("ужасн", -3.0), true);
    // "не дали, это ужасно": they did not give it, this is awful.
    List<String> words = List.of("не", "дали", "это", "ужасно");
    assertThat(lexicon.match(words, Set.of(2)))
        .extracting(SentimentLexicon.Hit::score)
        .containsExactly(-3.0);
    assertThat(lexicon.match(words))
        .as("without clause marks")
        .extracting(SentimentLexicon.Hit::score)
        .containsExactly(3.0);
  }

  @Test
  void aPersianVerbStemAfterItsPrefixIsNotReadAsAWord() {
    var persian = SentimentLexicon.bundled("fa");
    // "می‌کند" (does) arrives as "می" + "کند"; the list scores "کند" (slow) as −2.
    assertThat(persian.match(List.of("کار", "می", "کند"))).isEmpty();
    assertThat(persian.match(List.of("سرعت", "کند"))).as("slow, on its own").hasSize(1);
    assertThat(persian.match(List.of("یه", "بار"))).as("once").isEmpty();
  }

  @Test
  void functionWordsAreNotSentimentWords() {
    // The Spanish lists scored "con" (with) −5, "qué" and "un" about −1.9, "donde" +2.
    var spanish = SentimentLexicon.bundled("es");
    assertThat(spanish.match(List.of("¿a", "qué", "hora", "abre", "con", "un", "amigo", "donde")))
        .extracting(SentimentLexicon.Hit::text)
        .doesNotContain("qué", "con", "un", "donde");
    assertThat(spanish.match(List.of("pésimo", "servicio")))
        .extracting(SentimentLexicon.Hit::text)
        .as("sentiment words stay")
        .contains("pésimo");
    assertThat(SentimentLexicon.bundled("it").match(List.of("noi", "siamo")))
        .as("Italian \"noi\", we, scored −2.5")
        .isEmpty();
  }

  @Test
  void negatorsFromTheNlpJsListsAndOursFlipTheNextSentimentWord() {
    // nlp.js lists "no" for Spanish and "não" for Portuguese; both were scored as words (−1).
    assertThat(SentimentLexicon.bundled("es").match(List.of("no", "es", "bueno")))
        .singleElement()
        .satisfies(h -> assertThat(h.negated()).isTrue())
        .satisfies(h -> assertThat(h.score()).isNegative());
    assertThat(SentimentLexicon.bundled("pt").match(List.of("não", "é", "ótimo")))
        .singleElement()
        .satisfies(h -> assertThat(h.score()).isNegative());
    // Hindi "नहीं" (not) was scored −1; nlp.js lists no Hindi negators, ours has it.
    assertThat(SentimentLexicon.bundled("hi").match(List.of("नहीं")))
        .as("a negator is not a sentiment word")
        .isEmpty();
  }

  @Test
  void englishContractionsNegateTheNextSentimentWord() {
    var english = new SentimentLexicon("en", Map.of("good", 0.5, "like", 0.3), true);
    assertThat(english.match(List.of("the", "food", "wasn't", "good")))
        .singleElement()
        .satisfies(h -> assertThat(h.negated()).isTrue())
        .satisfies(h -> assertThat(h.score()).isEqualTo(-0.5));
    assertThat(english.match(List.of("i", "didn't", "like", "it")))
        .extracting(SentimentLexicon.Hit::negated)
        .containsExactly(true);
    assertThat(english.match(List.of("the", "food", "was", "good")))
        .extracting(SentimentLexicon.Hit::negated)
        .containsExactly(false);
  }

  @Test
  void aNegatedWordCarriesThePhraseFromItsNegator() {
    var spanish = new SentimentLexicon("es", Map.of("buena", 3.0), false);
    assertThat(spanish.match(List.of("no", "es", "buena", "idea")))
        .singleElement()
        .satisfies(h -> assertThat(h.text()).isEqualTo("buena"))
        .satisfies(h -> assertThat(h.phrase()).isEqualTo("no es buena"));
    assertThat(spanish.match(List.of("buena", "idea")))
        .singleElement()
        .satisfies(h -> assertThat(h.phrase()).isEqualTo("buena"));
  }

  @Test
  void noProblemsAtAllIsPraiseInTheLexiconLanguages() {
    assertThat(sum("ru", "связь", "отличная", ",", "никаких", "проблем")).isPositive();
    assertThat(sum("ru", "всё", "без", "проблем")).isPositive();
    assertThat(sum("fa", "هیچ", "مشکلی", "نداشتم")).isNotNegative();
    assertThat(sum("fa", "بدون", "مشکل")).isPositive();
    assertThat(sum("el", "κανένα", "πρόβλημα")).isPositive();
    assertThat(sum("el", "χωρίς", "πρόβλημα")).isPositive();
    assertThat(sum("ru", "одни", "проблемы")).as("problems, not negated").isNegative();
  }

  @Test
  void adverbsOfDegreeAndCourtesyAreNotSentimentWords() {
    // "Приложение постоянно вылетает": the app keeps crashing, read +3.3 for "constantly".
    assertThat(SentimentLexicon.bundled("ru").match(List.of("постоянно", "реально", "точно")))
        .isEmpty();
    assertThat(SentimentLexicon.bundled("ru").match(List.of("уважаемые", "пожалуйста"))).isEmpty();
    assertThat(SentimentLexicon.bundled("fa").match(List.of("کاملا", "سرد", "لطفا", "فعال")))
        .isEmpty();
    assertThat(SentimentLexicon.bundled("el").match(List.of("σοβαρά", "εκκρεμής"))).isEmpty();
    assertThat(SentimentLexicon.bundled("ar").match(List.of("التطبيق", "حق", "الشركة")))
        .as("Gulf \"of\"")
        .isEmpty();
    assertThat(sum("ru", "ужасно")).as("sentiment adverbs stay").isNegative();
  }

  @Test
  void greekAdjectivesAreReadInEveryGenderAndNumber() {
    var greek = SentimentLexicon.bundled("el");
    // The list has "τέλειος" (perfect) and "αγενής" (rude) only.
    assertThat(greek.match(List.of("τέλειο")))
        .singleElement()
        .satisfies(h -> assertThat(h.score()).isPositive());
    assertThat(greek.match(List.of("αγενές")))
        .singleElement()
        .satisfies(h -> assertThat(h.score()).isNegative());
    assertThat(greek.match(List.of("αγενείς"))).hasSize(1);
    assertThat(greek.match(List.of("μόνο", "μία", "φορά"))).as("only once").isEmpty();
  }

  @Test
  void colloquialPersianIsJoinedToTheWordBeforeIt() {
    var persian = SentimentLexicon.bundled("fa");
    // "عالیه": عالی (great) + ه (is).
    assertThat(persian.match(List.of("آنتن", "خونه", "عالیه")))
        .singleElement()
        .satisfies(h -> assertThat(h.score()).isPositive());
    assertThat(persian.match(List.of("فوریه"))).as("February, not urgent").isEmpty();
  }

  private static double sum(String language, String... words) {
    return SentimentLexicon.bundled(language).match(List.of(words)).stream()
        .mapToDouble(SentimentLexicon.Hit::score)
        .sum();
  }

  @Test
  void aPersianNegatedVerbFlipsTheWordBeforeIt() {
    var persian = SentimentLexicon.bundled("fa");
    // "غذا اصلا خوب نبود": the food was not good at all.
    assertThat(persian.match(List.of("غذا", "اصلا", "خوب", "نبود")))
        .singleElement()
        .satisfies(h -> assertThat(h.score()).isNegative())
        .satisfies(h -> assertThat(h.phrase()).isEqualTo("خوب نبود"));
    assertThat(sum("fa", "از", "خرید", "راضی", "نیستم")).as("not satisfied").isNegative();
    assertThat(sum("fa", "بد", "نبود")).as("was not bad").isPositive();
    assertThat(sum("fa", "غذا", "خوب", "بود")).as("was good").isPositive();
    assertThat(sum("fa", "بدون", "مشکل", "نبود"))
        .as("negated once, by the word before it")
        .isPositive();
    // A clause mark between them ("خوب, نبود…") ends the reach.
    var withClauseMark = persian.match(List.of("خوب", "نبود"), Set.of(1));
    assertThat(withClauseMark).extracting(SentimentLexicon.Hit::negated).containsExactly(false);
  }

  @Test
  void hindiNahiNegatesThePredicateBeforeIt() {
    // "खाना अच्छा नहीं था": the food was not good.
    assertThat(SentimentLexicon.bundled("hi").match(List.of("खाना", "अच्छा", "नहीं", "था")))
        .singleElement()
        .satisfies(h -> assertThat(h.score()).isNegative())
        .satisfies(h -> assertThat(h.phrase()).isEqualTo("अच्छा नहीं"));
    assertThat(sum("hi", "खाना", "अच्छा", "था")).isPositive();
  }

  @Test
  void russianReviewWordsTheListsLacked() {
    assertThat(sum("ru", "не", "рекомендую", "этот", "магазин")).isNegative();
    assertThat(sum("ru", "отличный", "сервис", ",", "рекомендую")).isPositive();
    assertThat(sum("ru", "худший", "отпуск", "в", "моей", "жизни")).isNegative();
    assertThat(sum("ru", "качество", "так", "себе")).isNegative();
  }
}
