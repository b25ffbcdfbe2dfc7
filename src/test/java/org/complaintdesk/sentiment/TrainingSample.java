package org.complaintdesk.sentiment;

import java.util.ArrayList;
import java.util.List;
import org.complaintdesk.sentiment.model.LabelledPost;

/**
 * A small hand-written training set for tests (never the shared evaluation data): enough for the
 * trained layers to learn the obvious, in English, Arabic and Spanish, plus a few complaints.
 */
public final class TrainingSample {
  private TrainingSample() {}

  private static final String[][] ENGLISH = {
    {"negative", "@NimbusAir lost my bag again, worst airline ever 😡"},
    {"negative", "Terrible service, rude staff and a three hour delay. Never again."},
    {"negative", "I hate this app, it crashes every single time I open it"},
    {"negative", "So disappointed with @Voltara, the charger broke after two days"},
    {"negative", "This is awful. Cancelled my flight with no explanation!!!"},
    {"negative", "WORST customer service I have ever had, absolutely useless"},
    {"negative", "still waiting for my refund, three weeks now. pathetic"},
    {"negative", "my order never arrived and nobody answers the phone"},
    {"negative", "What a joke of a company. Fix your website!"},
    {"negative", "ugh the stream keeps buffering, so annoying 😤"},
    {"negative", "horrible experience, I want my money back"},
    {"negative", "the food was cold and disgusting"},
    {"neutral", "What time does the Berlin store open on Sunday?"},
    {"neutral", "Flight NA212 boards from gate 14 today"},
    {"neutral", "Is there a student discount on the annual plan?"},
    {"neutral", "The new update is out for Android and iOS"},
    {"neutral", "Our office will be closed on Monday for the holiday"},
    {"neutral", "How do I change the email address on my account?"},
    {"neutral", "Streamly releases its quarterly report next week"},
    {"neutral", "Reading the terms and conditions of the loyalty program"},
    {"neutral", "Does the app work on older phones?"},
    {"neutral", "The meeting moved to 3pm in room 4"},
    {"positive", "Thank you @NimbusAir, the crew was lovely and we landed early!"},
    {"positive", "Love the new Voltara charger, works great ❤️"},
    {"positive", "Amazing service at the downtown branch today, thanks Sam"},
    {"positive", "Best pastries in town, CrumbCo never disappoints 😍"},
    {"positive", "So happy with my new plan, great value"},
    {"positive", "The support team fixed my issue in five minutes, brilliant"},
    {"positive", "What a wonderful flight, thank you all"},
    {"positive", "great app, easy to use and fast"},
    {"positive", "Really enjoyed the show last night :)"},
    {"positive", "excellent quality and friendly people, highly recommend"},
  };

  private static final String[][] ARABIC = {
    {"negative", "خدمة سيئة جدا ولن أتعامل معكم مرة أخرى"},
    {"negative", "أسوأ شركة طيران، تأخرت الرحلة خمس ساعات"},
    {"negative", "التطبيق لا يعمل منذ يومين، مستاء جدا 😡"},
    {"negative", "موظفين وقحين وخدمة عملاء فاشلة"},
    {"negative", "ضاعت حقيبتي ولا أحد يرد، سيء جدا"},
    {"neutral", "متى يفتح الفرع الجديد في الرياض؟"},
    {"neutral", "ما هي ساعات العمل يوم الجمعة"},
    {"neutral", "الرحلة رقم ٢١٢ تغادر من البوابة ١٤"},
    {"neutral", "هل يوجد خصم للطلاب على الاشتراك السنوي"},
    {"positive", "شكرا على الخدمة الرائعة ❤️"},
    {"positive", "تجربة ممتازة، أنصح بها بشدة"},
    {"positive", "طاقم رائع ورحلة جميلة، شكرا لكم"},
    {"positive", "أحب هذا التطبيق، سهل وسريع"},
  };

  private static final String[][] SPANISH = {
    {"negative", "Pésimo servicio, perdieron mi maleta otra vez"},
    {"negative", "La aplicación no funciona, qué desastre"},
    {"negative", "Odio esta compañía, nunca más"},
    {"neutral", "¿A qué hora abre la tienda el domingo?"},
    {"neutral", "El vuelo sale de la puerta 14"},
    {"neutral", "¿Hay descuento para estudiantes?"},
    {"positive", "Gracias por la atención, excelente servicio"},
    {"positive", "Me encanta la nueva aplicación, muy rápida"},
    {"positive", "Un vuelo maravilloso, gracias"},
  };

  private static final String[][] COMPLAINTS = {
    {"complaint", "@KiteBank I was charged twice for the same transfer, please fix it"},
    {"complaint", "@Streamly still waiting on a reply about my cancelled subscription"},
    {"complaint", "@NimbusAir my flight was delayed and I need a refund"},
    {"complaint", "@CrumbCo the order I placed on Monday hasn't arrived yet"},
    {"not_complaint", "@KiteBank thanks, all sorted now"},
    {"not_complaint", "Watching the match tonight with friends"},
    {"not_complaint", "@Streamly what's new on the platform this week?"},
    {"not_complaint", "Lovely sunny day in Lisbon"},
  };

  public static List<LabelledPost> posts() {
    List<LabelledPost> out = new ArrayList<>();
    add(out, ENGLISH, "en", LabelledPost.SENTIMENT);
    add(out, ARABIC, "ar", LabelledPost.SENTIMENT);
    add(out, SPANISH, "es", LabelledPost.SENTIMENT);
    add(out, COMPLAINTS, "en", LabelledPost.COMPLAINT);
    return out;
  }

  private static void add(List<LabelledPost> out, String[][] rows, String lang, String task) {
    for (int i = 0; i < rows.length; i++) {
      out.add(
          new LabelledPost(
              lang + "-" + task + "-" + i,
              LabelledPost.canonicalLabel(rows[i][0]),
              lang,
              rows[i][1],
              1,
              task));
    }
  }
}
