"""alphasolve: AlphaCode-style competitive-programming solver.

Sample many candidate programs from an encoder-decoder model, judge them on the example
tests, run the survivors on generated inputs, cluster them by behaviour, submit 10.
"""

__version__ = "0.1.0"
