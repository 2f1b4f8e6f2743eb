# Waits for the interactor to speak first; the guessing interactor waits for a guess.
print(input())
