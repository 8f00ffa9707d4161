#!/bin/sh
# Stems the words on standard input (one per line) with Snowball's C library (libstemmer,
# Debian package libstemmer-dev) and prints "word<TAB>stem" per word, for the vector files:
#
#   sh Tools/search/libstemmer-stem.sh german  < words.txt
#   sh Tools/search/libstemmer-stem.sh english < words.txt
#
# Used by gen-stem-vectors.sh and gen-stem-vectors-en.sh. Needs gcc and libstemmer-dev.
set -eu
algorithm=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/stem.c" <<'EOF'
#include <stdio.h>
#include <string.h>
#include <libstemmer.h>

int main(int argc, char **argv) {
    struct sb_stemmer *s = argc > 1 ? sb_stemmer_new(argv[1], NULL) : NULL;
    char line[4096];
    if (!s) { fprintf(stderr, "libstemmer: no stemmer \"%s\"\n", argc > 1 ? argv[1] : ""); return 1; }
    while (fgets(line, sizeof line, stdin)) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
        if (!n) continue;
        const sb_symbol *r = sb_stemmer_stem(s, (const sb_symbol *)line, (int)n);
        printf("%s\t%.*s\n", line, sb_stemmer_length(s), (const char *)r);
    }
    sb_stemmer_delete(s);
    return 0;
}
EOF
gcc -O2 -o "$tmp/stem" "$tmp/stem.c" -lstemmer
"$tmp/stem" "$algorithm"
