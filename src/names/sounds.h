// Vowel-aware sound sequences: the fine-grained cross-script comparison.
//
// A phonetic key (names/phonetic.h) keeps consonants only, which makes it a
// good index key but blind to the vowels that tell Hassan from Hussein and
// Mohamed from Mahmoud (in Arabic script they differ only by a long vowel
// letter). A sound sequence keeps the consonant classes of the key and adds
// vowels: long vowels (Arabic alef, waw, yeh; Latin aa, ou, ee, ai...) as
// A, I, U; a word-final Arabic yeh, which reads i or a (Ali, Musa), as V;
// short Latin vowels as a, e, i, o, u; glides as W and Y; and two symbols for
// Arabic letters whose Latin spellings straddle consonant classes: Q for theh
// (th, s, t) and X for thal, zah and dad (dh, z, d, th; dad is z in Persian,
// Urdu and Pashto names: Faiz, Ramzan, Zia).
// SoundSimilarity aligns two sequences with a weighted edit distance in which
// the short vowels that Arabic script does not write cost almost nothing when
// one side is Arabic, and more when both sides are Latin.
#ifndef QANTARA_NAMES_SOUNDS_H_
#define QANTARA_NAMES_SOUNDS_H_

#include <string>
#include <string_view>

namespace qantara::names {

// The sound sequence of one word in matching form (article stripped).
// "Mahmoud" -> "MaHMUD", Arabic mahmud -> "MHMUD", "Hussein" -> "HuSIN".
std::string PhoneticSounds(std::string_view word);

// Similarity in [0, 1] of two sound sequences. `cross_script`: one side was
// written in Arabic script (short vowels unwritten there).
// `floor`: callers that ignore similarities below it may pass it, and any
// such similarity may then be reported as 0 (the alignment stops early).
double SoundSimilarity(std::string_view a, std::string_view b, bool cross_script,
                       double floor = 0.0);

// The same similarity from the whole table, without the shortcuts that
// SoundSimilarity takes (common ends, early stop): the reference its tests
// compare it with.
double SoundSimilarityReference(std::string_view a, std::string_view b, bool cross_script);

}  // namespace qantara::names

#endif  // QANTARA_NAMES_SOUNDS_H_
