import sys

# Keeps writing after the interactor has gone: dies of BrokenPipeError.
for i in range(10**7):
    sys.stdout.write(f"{i}\n")
    sys.stdout.flush()
