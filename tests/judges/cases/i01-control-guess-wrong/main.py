# Linear search from 1: runs out of guesses.
for g in range(1, 1001):
    print(g, flush=True)
    if input() == "correct":
        break
