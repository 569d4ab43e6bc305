package io.stormwatch.sim.world;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Given names and family names typical of a country, and how an address is spelt from them.
 *
 * @param given given names
 * @param family family names
 */
public record PersonNames(List<String> given, List<String> family) {

  private static final Pattern NOT_A_LETTER = Pattern.compile("[^A-Za-z]");

  static final PersonNames ENGLISH =
      new PersonNames(
          List.of(
              "James",
              "Mary",
              "Robert",
              "Patricia",
              "John",
              "Jennifer",
              "Michael",
              "Linda",
              "David",
              "Elizabeth",
              "William",
              "Barbara",
              "Richard",
              "Susan",
              "Joseph",
              "Jessica",
              "Thomas",
              "Sarah",
              "Daniel",
              "Karen",
              "Olivia",
              "Noah",
              "Emma",
              "Liam",
              "Amelia",
              "Oliver",
              "Charlotte",
              "Harry",
              "Sophie",
              "Jack"),
          List.of(
              "Smith",
              "Johnson",
              "Williams",
              "Brown",
              "Jones",
              "Garcia",
              "Miller",
              "Davis",
              "Wilson",
              "Anderson",
              "Taylor",
              "Thomas",
              "Moore",
              "Jackson",
              "Martin",
              "Lee",
              "Thompson",
              "White",
              "Harris",
              "Clark",
              "Lewis",
              "Walker",
              "Hall",
              "Young",
              "Wright",
              "Evans",
              "Roberts",
              "Hughes",
              "Green",
              "O'Brien"));

  static final PersonNames GERMAN =
      new PersonNames(
          List.of(
              "Lukas",
              "Anna",
              "Maximilian",
              "Lena",
              "Jonas",
              "Lea",
              "Felix",
              "Hannah",
              "Paul",
              "Marie",
              "Leon",
              "Sophie",
              "Finn",
              "Mia",
              "Jürgen",
              "Sabine",
              "Stefan",
              "Katrin",
              "Matthias",
              "Julia"),
          List.of(
              "Müller",
              "Schmidt",
              "Schneider",
              "Fischer",
              "Weber",
              "Meyer",
              "Wagner",
              "Becker",
              "Schulz",
              "Hoffmann",
              "Schäfer",
              "Koch",
              "Bauer",
              "Richter",
              "Klein",
              "Wolf",
              "Schröder",
              "Neumann",
              "Schwarz",
              "Zimmermann"));

  static final PersonNames FRENCH =
      new PersonNames(
          List.of(
              "Gabriel", "Louise", "Léo", "Jade", "Raphaël", "Emma", "Louis", "Alice", "Arthur",
              "Chloé", "Hugo", "Léa", "Jules", "Manon", "Nicolas", "Camille", "Julien", "Élodie",
              "Thomas", "Inès"),
          List.of(
              "Martin",
              "Bernard",
              "Dubois",
              "Thomas",
              "Robert",
              "Richard",
              "Petit",
              "Durand",
              "Leroy",
              "Moreau",
              "Simon",
              "Laurent",
              "Lefèvre",
              "Michel",
              "Garcia",
              "David",
              "Bertrand",
              "Roux",
              "Vincent",
              "Fournier"));

  static final PersonNames JAPANESE =
      new PersonNames(
          List.of(
              "Haruto", "Yui", "Sota", "Aoi", "Yuto", "Hina", "Riku", "Mei", "Takumi", "Sakura",
              "Kenji", "Yuki", "Hiroshi", "Akiko", "Daiki", "Naomi", "Kaito", "Emi", "Ren", "Mio"),
          List.of(
              "Sato",
              "Suzuki",
              "Takahashi",
              "Tanaka",
              "Watanabe",
              "Ito",
              "Yamamoto",
              "Nakamura",
              "Kobayashi",
              "Kato",
              "Yoshida",
              "Yamada",
              "Sasaki",
              "Yamaguchi",
              "Matsumoto",
              "Inoue",
              "Kimura",
              "Hayashi",
              "Shimizu",
              "Mori"));

  /**
   * The ASCII local part an administrator would create for a name: {@code jürgen.müller} becomes
   * {@code juergen.mueller}, accents are dropped and apostrophes removed.
   */
  public static String mailLocalPart(String given, String family) {
    return asciiFold(given) + "." + asciiFold(family);
  }

  private static String asciiFold(String name) {
    String german =
        name.replace("ä", "ae")
            .replace("ö", "oe")
            .replace("ü", "ue")
            .replace("Ä", "Ae")
            .replace("Ö", "Oe")
            .replace("Ü", "Ue")
            .replace("ß", "ss");
    String decomposed = Normalizer.normalize(german, Normalizer.Form.NFD);
    return NOT_A_LETTER.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
