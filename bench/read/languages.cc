#include "bench/read/languages.h"

namespace qantara::read_bench {

const std::vector<Lang>& Langs() {
  static const std::vector<Lang> langs = {
      {"ar",
       "www.aljarida.example",
       "\u0627\u0644\u062c\u0631\u064a\u062f\u0629",  // al-Jarida
       // Home, World, Politics, Economy, Sport, Culture
       {"\u0627\u0644\u0631\u0626\u064a\u0633\u064a\u0629", "\u0627\u0644\u0639\u0627\u0644\u0645",
        "\u0633\u064a\u0627\u0633\u0629", "\u0627\u0642\u062a\u0635\u0627\u062f",
        "\u0631\u064a\u0627\u0636\u0629", "\u062b\u0642\u0627\u0641\u0629"},
       // Facebook, Twitter, WhatsApp, Mail
       {"\u0641\u064a\u0633\u0628\u0648\u0643", "\u062a\u0648\u064a\u062a\u0631",
        "\u0648\u0627\u062a\u0633\u0627\u0628", "\u0627\u0644\u0628\u0631\u064a\u062f"},
       // Contact us, About us, Privacy
       {"\u0627\u062a\u0635\u0644 \u0628\u0646\u0627", "\u0645\u0646 \u0646\u062d\u0646",
        "\u0627\u0644\u062e\u0635\u0648\u0635\u064a\u0629"},
       // (c) {y} al-Jarida. All rights reserved.
       "\u00a9 {y} \u0627\u0644\u062c\u0631\u064a\u062f\u0629. \u062c\u0645\u064a\u0639 "
       "\u0627\u0644\u062d\u0642\u0648\u0642 \u0645\u062d\u0641\u0648\u0638\u0629.",
       // By the editors
       "\u0628\u0642\u0644\u0645 \u0647\u064a\u0626\u0629 "
       "\u0627\u0644\u062a\u062d\u0631\u064a\u0631",
       // Rabat, Cairo, Beirut, Tunis, Amman
       {"\u0627\u0644\u0631\u0628\u0627\u0637", "\u0627\u0644\u0642\u0627\u0647\u0631\u0629",
        "\u0628\u064a\u0631\u0648\u062a", "\u062a\u0648\u0646\u0633", "\u0639\u0645\u0627\u0646"},
       {"\u064a\u0646\u0627\u064a\u0631", "\u0641\u0628\u0631\u0627\u064a\u0631",
        "\u0645\u0627\u0631\u0633", "\u0623\u0628\u0631\u064a\u0644", "\u0645\u0627\u064a\u0648",
        "\u064a\u0648\u0646\u064a\u0648", "\u064a\u0648\u0644\u064a\u0648",
        "\u0623\u063a\u0633\u0637\u0633", "\u0633\u0628\u062a\u0645\u0628\u0631",
        "\u0623\u0643\u062a\u0648\u0628\u0631", "\u0646\u0648\u0641\u0645\u0628\u0631",
        "\u062f\u064a\u0633\u0645\u0628\u0631"},
       "{c} {d} {m} {y} (\u0623 \u0641 \u0628) - ",  // (AFP)
       {// On {d} {m} {y}, the meeting was postponed to a later date.
        "\u0648\u0641\u064a {d} {m} {y}\u060c \u062a\u0645 \u062a\u0623\u062c\u064a\u0644 "
        "\u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639 \u0625\u0644\u0649 "
        "\u0645\u0648\u0639\u062f "
        "\u0644\u0627\u062d\u0642.",
        // The decision is expected before {d} {m} {y}.
        "\u0648\u0645\u0646 \u0627\u0644\u0645\u0646\u062a\u0638\u0631 \u0623\u0646 "
        "\u064a\u0635\u062f\u0631 "
        "\u0627\u0644\u0642\u0631\u0627\u0631 \u0642\u0628\u0644 {d} {m} {y}.",
        // The spokesman said yesterday that the talks would go on until the end of the month.
        "\u0648\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0623\u0645\u0633 "
        "\u0625\u0646 "
        "\u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a "
        "\u0633\u062a\u0633\u062a\u0645\u0631 "
        "\u062d\u062a\u0649 \u0646\u0647\u0627\u064a\u0629 \u0627\u0644\u0634\u0647\u0631."},
       {// The Moroccan foreign ministry announced that minister Nasser Bourita will visit Cairo
        // next week.
        "\u0623\u0639\u0644\u0646\u062a \u0648\u0632\u0627\u0631\u0629 "
        "\u0627\u0644\u062e\u0627\u0631\u062c"
        "\u064a\u0629 \u0627\u0644\u0645\u063a\u0631\u0628\u064a\u0629 \u0623\u0646 "
        "\u0627\u0644\u0648"
        "\u0632\u064a\u0631 \u0646\u0627\u0635\u0631 \u0628\u0648\u0631\u064a\u0637\u0629 "
        "\u0633\u064a"
        "\u0632\u0648\u0631 \u0627\u0644\u0642\u0627\u0647\u0631\u0629 "
        "\u0627\u0644\u0623\u0633\u0628"
        "\u0648\u0639 \u0627\u0644\u0645\u0642\u0628\u0644.",
        // The head of government told a news conference that the economy grew markedly this year.
        "\u0648\u0642\u0627\u0644 \u0631\u0626\u064a\u0633 "
        "\u0627\u0644\u062d\u0643\u0648\u0645\u0629 "
        "\u0641\u064a \u0645\u0624\u062a\u0645\u0631 \u0635\u062d\u0641\u064a \u0625\u0646 "
        "\u0627\u0644"
        "\u0627\u0642\u062a\u0635\u0627\u062f \u0627\u0644\u0648\u0637\u0646\u064a "
        "\u0633\u062c\u0644 "
        "\u0646\u0645\u0648\u0627 \u0645\u0644\u062d\u0648\u0638\u0627 \u0647\u0630\u0627 "
        "\u0627\u0644"
        "\u0639\u0627\u0645.",
        // The United Nations confirmed that aid reached the stricken areas in the north.
        "\u0648\u0623\u0643\u062f\u062a \u0627\u0644\u0623\u0645\u0645 "
        "\u0627\u0644\u0645\u062a\u062d"
        "\u062f\u0629 \u0623\u0646 \u0627\u0644\u0645\u0633\u0627\u0639\u062f\u0627\u062a "
        "\u0627\u0644"
        "\u0625\u0646\u0633\u0627\u0646\u064a\u0629 \u0648\u0635\u0644\u062a \u0625\u0644\u0649 "
        "\u0627\u0644\u0645\u0646\u0627\u0637\u0642 "
        "\u0627\u0644\u0645\u062a\u0636\u0631\u0631\u0629 "
        "\u0641\u064a \u0634\u0645\u0627\u0644 \u0627\u0644\u0628\u0644\u0627\u062f.",
        // The decision comes after months of talks between the parties.
        "\u0648\u064a\u0623\u062a\u064a \u0647\u0630\u0627 \u0627\u0644\u0642\u0631\u0627\u0631 "
        "\u0628"
        "\u0639\u062f \u0623\u0634\u0647\u0631 \u0645\u0646 "
        "\u0627\u0644\u0645\u0641\u0627\u0648\u0636"
        "\u0627\u062a \u0628\u064a\u0646 \u0627\u0644\u0623\u0637\u0631\u0627\u0641 "
        "\u0627\u0644\u0645"
        "\u0639\u0646\u064a\u0629.",
        // The ministry's spokesman said the committee will hold its next meeting in Rabat.
        "\u0648\u0623\u0634\u0627\u0631 \u0627\u0644\u0645\u062a\u062d\u062f\u062b "
        "\u0628\u0627\u0633"
        "\u0645 \u0627\u0644\u0648\u0632\u0627\u0631\u0629 \u0625\u0644\u0649 \u0623\u0646 "
        "\u0627\u0644"
        "\u0644\u062c\u0646\u0629 \u0633\u062a\u0639\u0642\u062f "
        "\u0627\u062c\u062a\u0645\u0627\u0639"
        "\u0647\u0627 \u0627\u0644\u0645\u0642\u0628\u0644 \u0641\u064a "
        "\u0627\u0644\u0631\u0628\u0627"
        "\u0637.",
        // The European Union called on all parties to exercise restraint and respect the ceasefire.
        "\u0648\u062f\u0639\u0627 \u0627\u0644\u0627\u062a\u062d\u0627\u062f "
        "\u0627\u0644\u0623\u0648"
        "\u0631\u0648\u0628\u064a \u062c\u0645\u064a\u0639 "
        "\u0627\u0644\u0623\u0637\u0631\u0627\u0641 "
        "\u0625\u0644\u0649 \u0636\u0628\u0637 \u0627\u0644\u0646\u0641\u0633 "
        "\u0648\u0627\u062d\u062a"
        "\u0631\u0627\u0645 \u0648\u0642\u0641 \u0625\u0637\u0644\u0627\u0642 "
        "\u0627\u0644\u0646\u0627"
        "\u0631.",
        // The official news agency reported that the president received business leaders.
        "\u0648\u0630\u0643\u0631\u062a \u0648\u0643\u0627\u0644\u0629 "
        "\u0627\u0644\u0623\u0646\u0628"
        "\u0627\u0621 \u0627\u0644\u0631\u0633\u0645\u064a\u0629 \u0623\u0646 "
        "\u0627\u0644\u0631\u0626"
        "\u064a\u0633 \u0627\u0633\u062a\u0642\u0628\u0644 \u0648\u0641\u062f\u0627 \u0645\u0646 "
        "\u0631\u062c\u0627\u0644 \u0627\u0644\u0623\u0639\u0645\u0627\u0644.",
        // For his part, the economist said oil prices will stay high in the coming months.
        "\u0648\u0645\u0646 \u062c\u0647\u062a\u0647\u060c \u0642\u0627\u0644 "
        "\u0627\u0644\u062e\u0628"
        "\u064a\u0631 \u0627\u0644\u0627\u0642\u062a\u0635\u0627\u062f\u064a \u0625\u0646 "
        "\u0623\u0633"
        "\u0639\u0627\u0631 \u0627\u0644\u0646\u0641\u0637 \u0633\u062a\u0628\u0642\u0649 "
        "\u0645\u0631"
        "\u062a\u0641\u0639\u0629 \u0641\u064a \u0627\u0644\u0623\u0634\u0647\u0631 "
        "\u0627\u0644\u0645"
        "\u0642\u0628\u0644\u0629."}},
      {"fr",
       "www.lequotidien.example",
       "Le Quotidien",
       {"Accueil", "Monde", "Politique", "\u00c9conomie", "Sport", "Culture"},
       {"Partager sur Facebook", "Twitter", "WhatsApp", "E-mail"},
       {"Contact", "Qui sommes-nous ?", "Confidentialit\u00e9"},
       "\u00a9 {y} Le Quotidien. Tous droits r\u00e9serv\u00e9s.",
       "Par la r\u00e9daction",
       {"PARIS", "RABAT", "TUNIS", "ALGER", "BRUXELLES"},
       {"janvier", "f\u00e9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\u00fbt",
        "septembre", "octobre", "novembre", "d\u00e9cembre"},
       "{c}, {d} {m} {y} (AFP) - ",
       {"Le {d} {m} {y}, la r\u00e9union avait \u00e9t\u00e9 report\u00e9e \u00e0 une date "
        "ult\u00e9rieure.",
        "Une d\u00e9cision est attendue avant le {d} {m} {y}.",
        "Le porte-parole a d\u00e9clar\u00e9 hier que les discussions se poursuivraient "
        "jusqu'\u00e0 "
        "la fin du mois."},
       {"Le ministre des Affaires \u00e9trang\u00e8res Nasser Bourita se rendra au Caire la "
        "semaine prochaine, a annonc\u00e9 son minist\u00e8re.",
        "Selon le chef du gouvernement, l'\u00e9conomie marocaine a nettement progress\u00e9 cette "
        "ann\u00e9e.",
        "Les Nations unies ont confirm\u00e9 que l'aide humanitaire avait atteint les r\u00e9gions "
        "sinistr\u00e9es du nord du pays.",
        "Cette d\u00e9cision intervient apr\u00e8s plusieurs mois de n\u00e9gociations entre les "
        "parties.",
        "La commission tiendra sa prochaine r\u00e9union \u00e0 Rabat, a pr\u00e9cis\u00e9 le "
        "porte-parole du minist\u00e8re.",
        "L'Union europ\u00e9enne a appel\u00e9 toutes les parties \u00e0 la retenue et au respect "
        "du "
        "cessez-le-feu.",
        "Le pr\u00e9sident Emmanuel Macron a re\u00e7u mardi une d\u00e9l\u00e9gation de chefs "
        "d'entreprise \u00e0 l'\u00c9lys\u00e9e.",
        "Pour l'\u00e9conomiste Jean Dupont, les prix du p\u00e9trole resteront \u00e9lev\u00e9s "
        "dans "
        "les mois \u00e0 venir."}},
      {"en",
       "www.dailynews.example",
       "The Daily News",
       {"Home", "World", "Politics", "Business", "Sport", "Culture"},
       {"Share on Facebook", "Twitter", "WhatsApp", "Email"},
       {"Contact us", "About us", "Privacy"},
       "\u00a9 {y} The Daily News. All rights reserved.",
       "By staff writers",
       {"WASHINGTON", "LONDON", "CAIRO", "RABAT", "NEW YORK"},
       {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"},
       "{c}, {m} {d}, {y} (AP) - ",
       {"On {m} {d}, {y}, the meeting was postponed until further notice.",
        "A decision is expected before {m} {d}, {y}.",
        "The spokesman said yesterday that the talks would go on until the end of the month."},
       {"Moroccan Foreign Minister Nasser Bourita will visit Cairo next week, his ministry said.",
        "The head of government told reporters that the economy had grown markedly this year.",
        "The United Nations confirmed that humanitarian aid had reached the stricken areas in the "
        "north of the country.",
        "The decision comes after months of negotiations between the parties.",
        "The committee will hold its next meeting in Rabat, a ministry spokesman said.",
        "The European Union called on all sides to show restraint and respect the ceasefire.",
        "President Joe Biden met business leaders at the White House on Tuesday.",
        "Oil prices will stay high in the coming months, economist John Smith said."}},
  };
  return langs;
}

}  // namespace qantara::read_bench
