#!/bin/sh
# Writes the DejaVu subsets that every figure and the appendix draw with.
#
# Why subsets: SkiaSharp's PDF backend embeds each font file whole, so a full
# DejaVu Sans (760 KB) would dominate every figure PDF. These keep the glyphs a
# paper needs (Latin, Latin-1 and Latin Extended-A for names, Greek, the
# punctuation, arrows and the common mathematical operators), drop hinting (PDF viewers
# and Skia's PNG rasteriser do not need it) and OpenType layout tables (Skia
# draws these glyphs unshaped). Why committed files: text must never depend on
# the fonts a machine happens to have (docs/design.md §5).
#
# Needs Debian's fonts-dejavu-core (2.37) and python3-fonttools:
#   apt-get install fonts-dejavu-core python3-fonttools
#   sh tools/Monotone.Figures/Fonts/make-subsets.sh
set -eu
here=$(dirname "$0")
source=/usr/share/fonts/truetype/dejavu
unicodes="U+0020-007E,U+00A0-017F,U+0391-03A9,U+03B1-03C9,U+03D1,U+03D5,U+03F5,U+2002-2027,U+2030-203A,U+2070-209F,U+2113,U+2190-2199,U+21D2,U+21D4,U+2200-222B,U+2248,U+2260-2265,U+22C5"
for face in DejaVuSans DejaVuSans-Bold DejaVuSansMono; do
  /usr/bin/python3 -m fontTools.subset "$source/$face.ttf" \
    --unicodes="$unicodes" \
    --no-hinting --no-recalc-timestamp \
    --layout-features='' \
    --name-IDs='0,1,2,3,4,5,6' \
    --output-file="$here/$face-Subset.ttf" 2>/dev/null
done
ls -l "$here"/*-Subset.ttf
