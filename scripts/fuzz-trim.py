#!/usr/bin/env python3
"""Keeps a committed fuzz corpus small: the smallest inputs of fuzz/corpus/<target>/ (already
minimised by libFuzzer's -merge) up to a byte budget per target (FUZZ_CORPUS_KB, default 60), so
that all targets together stay a few hundred KB. Usage: fuzz-trim.py TARGET..."""
import os, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fuzz', 'corpus')
budget = int(os.environ.get('FUZZ_CORPUS_KB', '60')) * 1024
for target in sys.argv[1:]:
    d = os.path.join(root, target)
    files = sorted((os.path.getsize(os.path.join(d, f)), f) for f in os.listdir(d))
    used, kept = 0, 0
    for size, name in files:
        if used + size <= budget:
            used += size
            kept += 1
        else:
            os.remove(os.path.join(d, name))
    print(f'{target}: kept {kept} of {len(files)} inputs, {used} bytes', file=sys.stderr)
