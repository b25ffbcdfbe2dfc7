package org.complaintdesk.sentiment.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Complaint cues are stems and phrases matched on a post's words, whatever the accents. */
class ComplaintCueListTest {
  private static List<String> quotes(ComplaintCueList cues, List<String> words) {
    return cues.find(words).stream().map(ComplaintCueList.Match::quote).toList();
  }

  @Test
  void theSameCueTwiceIsOneCue() {
    var found =
        new ComplaintCueList("es", List.of("reembols", "nadie responde"))
            .find(words("reembolso ya , mi reembolso , nadie responde"));
    assertThat(found).hasSize(3);
    assertThat(found.stream().mapToInt(ComplaintCueList.Match::cue).distinct().count())
        .isEqualTo(2);
  }

  private static List<String> words(String text) {
    return Arrays.asList(text.toLowerCase().split(" "));
  }

  @Test
  void aCueWordMatchesTheWordsThatStartWithItAndShortWordsMatchWhole() {
    var cues = new ComplaintCueList("es", List.of("reembols", "no funciona"));
    assertThat(quotes(cues, words("quiero mi reembolso ya"))).containsExactly("reembolso");
    assertThat(quotes(cues, words("la app no funciona"))).containsExactly("no funciona");
    assertThat(quotes(cues, words("la app nos funciona"))).as("'no' must match whole").isEmpty();
  }

  @Test
  void accentsAndCaseDoNotMatterWhereTheLexiconIgnoresThem() {
    var cues = new ComplaintCueList("fr", List.of("remboursé", "annulé"));
    assertThat(quotes(cues, words("Train ANNULE , je veux être rembourse")))
        .containsExactly("annule", "rembourse");
  }

  @Test
  void theLongestCueIsQuotedAndMatchesDoNotOverlap() {
    var cues = new ComplaintCueList("it", List.of("risponde", "nessuno risponde"));
    assertThat(quotes(cues, words("nessuno risponde mai"))).containsExactly("nessuno risponde");
  }

  @Test
  void persianCuesMatchPostsTypedWithArabicYehAndKaf() {
    // "Still not arrived, support does not answer", with Arabic yeh (ي) where Persian writes ی.
    assertThat(quotes(ComplaintCueList.bundled("fa"), words("هنوز نرسيده و جواب نميده")))
        .containsExactly("هنوز نرسيده", "جواب نميده");
  }

  @Test
  void arabicCuesMatchTehMarbutaWrittenAsHehAndAlefMaksuraAsYeh() {
    // "Worst service", "my card is blocked", "a complaint": ة and ى as tweets often write them.
    assertThat(quotes(ComplaintCueList.bundled("ar"), words("اسوء خدمه ممكن")))
        .containsExactly("اسوء خدمه");
    assertThat(quotes(ComplaintCueList.bundled("ar"), words("بطاقتي موقوفه من يومين")))
        .containsExactly("بطاقتي موقوفه");
    assertThat(quotes(ComplaintCueList.bundled("ar"), words("عندي شكوي"))).containsExactly("شكوي");
  }

  @Test
  void russianCuesWithYoMatchPostsTypedWithYe() {
    // Most posts write е for ё, and a list may have either.
    var cues = new ComplaintCueList("ru", List.of("ждём", "не берёт трубку", "течет"));
    assertThat(quotes(cues, words("ждем заказ , никто не берет трубку , кран течёт")))
        .containsExactly("ждем", "не берет трубку", "течёт");
  }

  @Test
  void aLanguageWithoutAListHasNoCues() {
    assertThat(ComplaintCueList.bundled("sv").isEmpty()).isTrue();
    assertThat(quotes(ComplaintCueList.bundled("sv"), words("det fungerar inte"))).isEmpty();
  }

  @Test
  void anArabicCueMatchesAfterAJoinedConjunction() {
    var cues = ComplaintCueList.bundled("ar");
    // "and the food is cold": والأكل = و + الأكل.
    assertThat(quotes(cues, words("وصل بعد ساعتين والأكل بارد"))).containsExactly("والأكل بارد");
    assertThat(quotes(cues, words("فالتطبيق يعلق"))).containsExactly("فالتطبيق يعلق");
    assertThat(quotes(new ComplaintCueList("es", List.of("ayuda")), words("yayuda")))
        .as("other languages do not strip a first letter")
        .isEmpty();
  }

  /** One calm brand complaint per language with a list, and a post that is none. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ar|الانترنت مقطوع من امس ولا احد يرد|شكرا على الخدمة الرائعة",
        "es|llevo tres dias sin internet y nadie responde|que buen partido anoche",
        "pt|estou esperando o reembolso ha duas semanas|que dia lindo hoje",
        "it|sono tre giorni che non funziona internet|che bella giornata oggi",
        "fr|train annulé encore une fois , je veux être remboursé|belle journée à tous",
        "de|zug schon wieder 40 minuten verspätung , keine info|schönes wochenende euch allen",
        "hi|data nahi mil raha , koi jawab nahi de raha|kya mast gaana hai bhai",
        "ru|рейс отменили , деньги не вернули|отличный концерт вчера",
        "fa|اینترنت از دیروز قطع است|روز خوبی داشته باشید",
        "el|δεν λειτουργεί το ίντερνετ|καλημέρα σε όλους",
        "ru|приложение глючит , не могу войти второй день|не могу дождаться нового сезона",
        "fa|سفارشم نرسیده و پشتیبانی پاسخگو نیست|سفارش دادم ، فردا میرسه",
        "el|η παραγγελία δεν έφτασε ποτέ|η παραγγελία έφτασε νωρίς , ευχαριστώ",
        "ar|الرحلة تأخرت خمس ساعات بدون اعتذار|الوزير يعلق على نتائج المباراة",
        "ar|التطبيق يعلق كل شوي ومو قادر ادفع الفاتورة|ما اقدر انتظر الموسم الجديد",
        "ru|заказ не привезли , курьер не берёт трубку|курьер привёз заказ вовремя",
        "ru|третий день нет интернета|интернет летает , спасибо",
        "fa|از دیروز اینترنت ندارم|اینترنت خونه خیلی خوبه",
        "el|η πτήση καθυστέρησε πέντε ώρες|η πτήση έφτασε στην ώρα της",
        "el|τρεις μέρες χωρίς ίντερνετ , θέλω τα χρήματά μου πίσω|το ίντερνετ πετάει , μπράβο",
        "it|mi hanno addebitato due volte , rivoglio i miei soldi|rivoglio l' estate",
        "el|ακόμα δεν ήρθε η παραγγελία|ακόμα καλύτερη εξυπηρέτηση , μπράβο",
        "fa|هنوز جواب ندادن|هنوز هم بهترین اپلیکیشن",
        "ru|до сих пор не вернули деньги|до сих пор лучший сервис в городе",
        "es|la app se cae cada dos por tres|de nuevo me encantó el pedido",
        "es|me bloquearon la tarjeta y nadie me ayuda|gracias por la ayuda , todo resuelto",
        "pt|o aplicativo caiu de novo|comprei de novo , entrega super rápida",
        "pt|o app trava toda hora e ninguém me ajuda|obrigado pela ajuda , tudo resolvido",
        "de|die app stürzt ständig ab|die neue app ist viel besser",
        "de|seit einer stunde in der warteschleife|danke für die schnelle hilfe",
        "fr|l'appli plante tout le temps|la nouvelle appli est bien mieux",
        "fr|impossible de me connecter depuis hier|un panneau solaire , impossible à rater",
        "fr|encore une panne de réseau|encore commandé , livraison super rapide",
        "it|l'app crasha di nuovo|ordinato di nuovo , consegna velocissima",
        "it|aspetto ancora il mio ordine da una settimana|ancora grazie , ordine arrivato",
        "it|nessuno mi aiuta , la carta è bloccata|grazie per l' aiuto , tutto risolto",
        "hi|kal se app chal hi nahi raha|phir se order kiya , bahut tasty tha",
        "hi|मेरा बैग खो गया और कोई मदद नहीं|मदद के लिए धन्यवाद , सब ठीक हो गया",
        "ar|الفرع مسكر والصراف خربان|الفرع الجديد حلو",
        "ar|رحلتي اتلغت ومحد رد علي|طلبت مرة ثانية ، التوصيل سريع جدا",
        "ar|ضيعوا شنطتي|شكرا على المساعدة ، انحلت المشكلة",
        "ar|الطلب ناقص حاجتين والأكل بارد|الطلب وصل كامل والأكل سخن",
        "pt|vocês são uma piada|contei uma piada pro meu filho",
        "es|es una vergüenza , nadie contesta|me encantó la broma de ayer",
        "fr|c'est une honte ce service|une blague drôle hier soir",
        "it|siete una barzelletta|ho sentito una barzelletta divertente",
        "de|ihr seid echt das letzte|das letzte mal war super",
        "ar|مهزلة والله|شكرا على الهدية",
        "hi|kya mazak hai yaar , teen din|mazak mat karo yaar",
        "ru|приложение постоянно вылетает|вылет рейса по расписанию",
        "ru|заблокировали карту без предупреждения|карта пришла , спасибо",
        "ru|поддержка молчит третий день|поддержка ответила быстро",
        "ru|курьер нахамил и перепутали заказ|курьер был очень вежлив",
        "fa|کارتم بدون هیچ توضیحی مسدود شد|کارت جدیدم رسید",
        "fa|غذا دیر رسید و سرد بود|غذا زود رسید و داغ بود",
        "fa|برنامه مدام بسته میشه ، درستش کنید|بسته اینترنت خانواده چطوره؟",
        "fa|بابت سرویسی که فعال نکردم پول کم کردید|سرویس جدید رو فعال کردم",
        "el|μου μπλόκαραν την κάρτα χωρίς καμία εξήγηση|η κάρτα μου ήρθε σήμερα",
        "el|η παραγγελία ήρθε και ήταν κρύα|η παραγγελία ήρθε ζεστή",
        "el|μας χρεώνετε κάθε μήνα για κάτι που ακυρώσαμε|η αλλαγή θέσης δεν χρεώνεται",
        "el|μία ώρα στην αναμονή και κανείς δεν σηκώνει το τηλέφωνο|μία ώρα μόνο και ήρθε",
        "ar|خصمتوا من رصيدي على خدمة ما طلبتها|شحنت رصيدي وتمام",
        "ar|وقفتوا بطاقتي بدون أي سبب|وصلت بطاقتي الجديدة",
        "ar|الاوردر اتأخر ومحدش بيرد|الاوردر وصل بدري",
        "ar|النت فاصل من امس|فاصل ونواصل",
        "ar|والله ما عاد اطلب منكم|اطلب منكم كل اسبوع",
        "el|το φαγητό ήρθε κρύο και λείπανε πράγματα|το φαγητό ήρθε ζεστό",
        "el|δεν έχει έρθει ακόμα η παραγγελία|έχει έρθει η παραγγελία , ευχαριστώ",
        "el|πάλι έπεσε το δίκτυο|έπεσε η τιμή , τέλεια",
        "ru|берёте двойную оплату|двойная выгода по карте",
        "ru|обещали подключить в понедельник|подключили в понедельник , спасибо"
      })
  void everyListFindsAComplaintAndLeavesAnEverydayPostAlone(
      String language, String complaint, String everyday) {
    var cues = ComplaintCueList.bundled(language);
    assertThat(quotes(cues, words(complaint))).as(language + ": " + complaint).isNotEmpty();
    assertThat(quotes(cues, words(everyday))).as(language + ": " + everyday).isEmpty();
  }
}
