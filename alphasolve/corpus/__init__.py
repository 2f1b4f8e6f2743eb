"""The synthetic corpus generator: the problems the default model is trained and measured on.

Modules, from data to output:
  shapes      input layouts, reading code, serialisation
  lits        literals: drawing, nudging, writing
  elem/chars  element-wise integer / letter pipelines (filter -> map -> aggregate)
  snippets    whole-input operations as code templates; seqops, strops, gridops, numops
  holdout     what valid/test hold out;  disjoint  what one held-out split keeps from another
  grammar     all meanings, sampling per split, dispatch
  gen_inputs  input generators;  tests_build  tests, examples, incorrect variants
  render      statements;  build  one problem;  split  many;  writer  native / JSON lines
  verify      judge runs;  stats  counts for --stats

scripts/build_corpus.py is the command line; the trainer (alphasolve.train) builds its train
split with `split.stream_jsonl`. Nothing else in the package imports this one.
"""
