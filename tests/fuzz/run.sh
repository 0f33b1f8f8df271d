#!/usr/bin/env bash
# Fuzzes one parser with libFuzzer: builds tests/fuzz/PARSER_fuzz.cpp and the core sources with
# clang++ -fsanitize=fuzzer,address,undefined into build/fuzz/, then runs it for SECONDS seconds over
# tests/fuzz/corpus/PARSER/ (new inputs go to build/fuzz/PARSER/corpus, crashes to build/fuzz/PARSER/).
#   usage: tests/fuzz/run.sh PARSER [SECONDS]      e.g. tests/fuzz/run.sh sql 180
# A crash: minimise it (build/fuzz/PARSER/PARSER_fuzz -minimize_crash=1 CRASH), add it to
# tests/fuzz/corpus/PARSER/, then fix it; ctest replays the corpus on every build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
parser="${1:?usage: tests/fuzz/run.sh PARSER [SECONDS]}"
seconds="${2:-60}"
source_file="$ROOT/tests/fuzz/${parser}_fuzz.cpp"
[ -f "$source_file" ] || { echo "run.sh: no fuzz target $source_file" >&2; exit 2; }
CXX="${FUZZ_CXX:-clang++}"
command -v "$CXX" >/dev/null || { echo "run.sh: $CXX not found (./dev setup installs clang)" >&2; exit 2; }

out="$ROOT/build/fuzz"
mkdir -p "$out/third_party/include" "$out/$parser/corpus"
for dir in fmt nlohmann; do  # only these headers: the rest of /usr/include stays out, as in CMake
  [ -e "$out/third_party/include/$dir" ] || ln -s "/usr/include/$dir" "$out/third_party/include/$dir"
done

# The core sources the target needs: follow #include "dir/x.h" from the target; a header brings the
# .cpp files of its own folder that include it (a public runnel/x.h brings x.cpp), and so on. The whole engine with
# ASan and coverage would take far longer to build than a fuzz run lasts.
declare -A seen=()
queue=("$source_file")
sources=()
while [ ${#queue[@]} -gt 0 ]; do
  file="${queue[0]}"
  queue=("${queue[@]:1}")
  while IFS= read -r inc; do
    header=""
    for base in "$ROOT/core" "$ROOT/core/include"; do
      [ -f "$base/$inc" ] && header="$base/$inc" && break
    done
    [ -n "$header" ] && [ -z "${seen[$header]:-}" ] || continue
    seen[$header]=1
    queue+=("$header")
    folder="$(dirname "$header")"
    if [ "$folder" = "$ROOT/core/include/runnel" ]; then  # public header: its namesake .cpp
      impls=$(find "$ROOT/core" -name "$(basename "$header" .h).cpp")
    else
      impls=$(grep -rlF --include='*.cpp' "#include \"$inc\"" "$folder" || true)
    fi
    while IFS= read -r impl; do
      [ -n "$impl" ] || continue
      [ -z "${seen[$impl]:-}" ] || continue
      seen[$impl]=1
      sources+=("$impl")
      queue+=("$impl")
    done <<<"$impls"
  done < <(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$file")
done

# A generated Ninja file gives incremental builds; ccache makes rebuilds cheap.
launcher=""
command -v ccache >/dev/null && launcher="ccache"
flags="-std=c++20 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined"
flags+=" -I$ROOT/core -I$ROOT/core/include -isystem $out/third_party/include -DFMT_HEADER_ONLY=1"
{
  echo "rule cxx"
  echo "  command = $launcher $CXX $flags -MD -MF \$out.d -c \$in -o \$out"
  echo "  depfile = \$out.d"
  echo "  deps = gcc"
  echo "rule link"
  echo "  command = $CXX $flags -fsanitize=fuzzer \$in -o \$out"
  objects=""
  for src in "$source_file" "${sources[@]}"; do
    obj="obj/${src#"$ROOT"/}.o"
    echo "build $obj: cxx $src"
    objects+=" $obj"
  done
  echo "build $parser/${parser}_fuzz: link$objects"
} > "$out/build.ninja"
echo "run.sh: building $parser fuzzer from ${#sources[@]} core sources" >&2
ninja -C "$out" -j "${FUZZ_JOBS:-2}" "$parser/${parser}_fuzz" >&2
binary="$out/$parser/${parser}_fuzz"

dict=()
[ -f "$ROOT/tests/fuzz/$parser.dict" ] && dict=("-dict=$ROOT/tests/fuzz/$parser.dict")
echo "run.sh: fuzzing $parser for ${seconds}s" >&2
exec "$binary" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$out/$parser/" "${dict[@]}" \
  "$out/$parser/corpus" "$ROOT/tests/fuzz/corpus/$parser"
