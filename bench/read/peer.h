// The peer of bench/read_bench.cc: bench/peers/read_peer.py (python3-readability,
// python3-langdetect, python3-dateparser) on the same articles.
#ifndef QANTARA_BENCH_READ_PEER_H_
#define QANTARA_BENCH_READ_PEER_H_

#include <map>
#include <string>

#include "bench/read/corpus.h"

namespace qantara::read_bench {

// Writes the articles as JSON Lines to /tmp, runs the peer on them and prints
// its output, then the ratio of qantara on one thread (`one`: articles/s) to
// the peer, and of the stages that have a counterpart (`us`: us/article per
// stage name). Does nothing when QANTARA_BENCH_NO_PEER is set.
void RunPeer(const World* w, double one, std::map<std::string, double> us);

}  // namespace qantara::read_bench

#endif  // QANTARA_BENCH_READ_PEER_H_
