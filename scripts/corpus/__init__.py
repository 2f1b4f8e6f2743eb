"""The synthetic corpus generator behind scripts/build_corpus.py (and the training script).

Modules, from data to output:
  shapes      input layouts, reading code, serialisation
  lits        literals: drawing, nudging, writing
  elem/chars  element-wise integer / letter pipelines (filter -> map -> aggregate)
  snippets    whole-input operations as code templates; seqops, strops, gridops, numops
  holdout     what valid/test hold out
  grammar     all meanings, sampling per split, dispatch
  gen_inputs  input generators;  tests_build  tests, examples, incorrect variants
  render      statements;  build  one problem;  writer  native / JSON lines;  verify  judge runs

The alphasolve package never imports this package.
"""
